//! One component per route; each name ends in `Page`.
mod buyer_view;
mod buyers;
mod compare;
mod data;
mod match_page;
mod not_found;
mod properties;
mod reply;
mod tour_day;
mod tours;

pub use buyer_view::BuyerViewPage;
pub use buyers::{BuyerEditor, BuyersPage, NoBuyerChosen};
pub use compare::ComparePage;
pub use data::DataPage;
pub use match_page::MatchPage;
pub use not_found::NotFoundPage;
pub use properties::{NoPropertyChosen, PropertiesPage, PropertyEditor};
pub use reply::ReplyPage;
pub use tour_day::TourDayPage;
pub use tours::{NoTourChosen, TourPlanner, ToursPage};
