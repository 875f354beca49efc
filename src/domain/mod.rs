//! Plain Rust domain logic: no Leptos, no web-sys. Tested on the host.
pub mod calendar;
pub mod codec;
pub mod coords;
pub mod csv_import;
pub mod forms;
pub mod links;
pub mod matching;
pub mod merge;
pub mod model;
pub mod packing;
pub mod planner;
pub mod qr;
pub mod query;
pub mod sample;
pub mod share;
pub mod tour_plan;
pub mod wire;
