//! The agent's own minutes for a leg, which win over the estimate.
use crate::domain::model::{Id, LegOverride, Tour};

/// Sets (or with `None` clears) the agent's own minutes for the leg `from` → `to`.
pub fn set_leg_override(tour: &mut Tour, from: Id, to: Id, minutes: Option<u16>) {
    tour.leg_overrides
        .retain(|o| !(o.from == from && o.to == to));
    if let Some(minutes) = minutes {
        tour.leg_overrides.push(LegOverride { from, to, minutes });
    }
}

/// The agent's own minutes for a leg, if set.
pub fn leg_override(tour: &Tour, from: Id, to: Id) -> Option<u16> {
    tour.leg_overrides
        .iter()
        .find(|o| o.from == from && o.to == to)
        .map(|o| o.minutes)
}
