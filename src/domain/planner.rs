//! The showing planner lives in its own crate, `planner/`, so that it alone
//! is compiled for speed (opt-level 3) while the rest of the app is compiled
//! for size: the exact search runs millions of steps.
pub use showplan_planner::*;
