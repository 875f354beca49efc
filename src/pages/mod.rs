//! One component per route; each name ends in `Page`.
mod buyers;
mod not_found;
mod properties;
mod tours;

pub use buyers::BuyersPage;
pub use not_found::NotFoundPage;
pub use properties::PropertiesPage;
pub use tours::ToursPage;
