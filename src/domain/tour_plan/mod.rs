//! A saved [`Tour`] turned into planner input and back: travel per leg (with
//! the agent's overrides), the timed schedule with its warnings, the
//! optimised order, the route map's projection and navigation links.
//! Plain Rust, host-tested; the tour page only renders what this returns.
mod clock;
mod input;
mod legs;
mod map;
mod order;
mod road;
mod schedule;
mod units;

pub use clock::*;
pub use input::*;
pub use legs::*;
pub use map::*;
pub use order::*;
pub use road::*;
pub use schedule::*;
pub use units::*;
