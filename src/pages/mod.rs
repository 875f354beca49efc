//! One component per route; each name ends in `Page`.
mod buyers;
mod data;
mod not_found;
mod properties;
mod tours;

pub use buyers::BuyersPage;
pub use data::DataPage;
pub use not_found::NotFoundPage;
pub use properties::PropertiesPage;
pub use tours::ToursPage;
