//! Road times from a routing engine the brokerage runs (OSRM), with the
//! straight-line estimate as the fallback: the request and its answer
//! ([`osrm`]), and the matrix kept with a tour ([`matrix`]).
pub mod commute;
pub mod matrix;
pub mod osrm;

pub use commute::{commute_blocks, CommuteTimes};
pub use matrix::{distinct, RoadMatrix};
pub use osrm::{
    base_address, blocks, read_table, table_request, table_url, Block, EngineError, Table,
};

/// Where a leg's minutes come from, said beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LegSource {
    /// The routing engine's road time.
    Road,
    /// Straight-line distance, circuity and speed.
    #[default]
    Estimate,
    /// The agent's own minutes.
    Hand,
}
