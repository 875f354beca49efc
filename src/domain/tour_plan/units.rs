//! Distances in the unit the user's language expects.

/// Kilometres or miles, by the user's language (miles for English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistanceUnit {
    Km,
    Miles,
}

impl DistanceUnit {
    pub fn for_locale(locale: &str) -> Self {
        if locale == "en" || locale.starts_with("en-US") {
            DistanceUnit::Miles
        } else {
            DistanceUnit::Km
        }
    }

    /// `km` in this unit, one decimal.
    pub fn amount(self, km: f64) -> f64 {
        let v = match self {
            DistanceUnit::Km => km,
            DistanceUnit::Miles => km / 1.609_344,
        };
        (v * 10.0).round() / 10.0
    }
}
