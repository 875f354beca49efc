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

    /// A speed kept in km/h, in this unit per hour (one decimal): a speed
    /// in mph for a user who reads miles.
    pub fn speed(self, kmh: f64) -> f64 {
        self.amount(kmh)
    }

    /// A speed typed in this unit per hour, in km/h (as the tour keeps it).
    pub fn speed_to_kmh(self, typed: f64) -> f64 {
        match self {
            DistanceUnit::Km => typed,
            DistanceUnit::Miles => typed * 1.609_344,
        }
    }
}
