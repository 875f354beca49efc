//! Tour day (issue 17), the parts that are plain rules: the schedule
//! re-timed as the day happens, the messages to listing agents and the
//! buyer, and the "still on the market?" check.
pub mod day;
pub mod market;
pub mod messages;
pub mod quick_note;
pub mod retime;
pub mod summary;
