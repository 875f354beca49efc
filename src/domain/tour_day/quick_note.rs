//! A quick note taken at a showing, landing on the home without retyping:
//! in its notes, as a feature, or as a renovation to price later.
use crate::domain::model::{Feature, Priority, Property, Renovation};

/// Where a quick note goes on the home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// A new line of the agent's private notes.
    Notes,
    /// A feature, in the given category.
    Feature,
    /// A renovation it needs, costs still to estimate (0).
    Renovation,
}

/// Puts `text` on `home`; false when there is nothing to put (blank text,
/// or a feature the home already lists).
pub fn land(home: &mut Property, text: &str, landing: Landing, category: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    match landing {
        Landing::Notes => {
            let notes = home.private_notes.trim_end();
            home.private_notes = if notes.is_empty() {
                text.to_string()
            } else {
                format!("{notes}\n{text}")
            };
        }
        Landing::Feature => {
            if home
                .features
                .iter()
                .any(|f| f.text.eq_ignore_ascii_case(text))
            {
                return false;
            }
            home.features.push(Feature {
                category: category.trim().to_string(),
                text: text.to_string(),
            });
        }
        Landing::Renovation => home.renovations.push(Renovation {
            id: uuid::Uuid::new_v4(),
            item: text.to_string(),
            room: String::new(),
            priority: Priority::Medium,
            cost_low: 0,
            cost_high: 0,
            note: String::new(),
        }),
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn home() -> Property {
        Property::new(DateTime::<Utc>::default())
    }

    #[test]
    fn a_note_is_a_new_line_of_the_private_notes() {
        let mut p = home();
        assert!(land(&mut p, "  Roof looks new ", Landing::Notes, ""));
        assert!(land(&mut p, "Neighbour's dog barks", Landing::Notes, ""));
        assert_eq!(p.private_notes, "Roof looks new\nNeighbour's dog barks");
        assert!(!land(&mut p, "   ", Landing::Notes, ""));
    }

    #[test]
    fn a_feature_is_added_once_and_a_renovation_waits_for_its_costs() {
        let mut p = home();
        assert!(land(
            &mut p,
            "Skylight",
            Landing::Feature,
            "Seen at the showing"
        ));
        assert!(!land(
            &mut p,
            "skylight",
            Landing::Feature,
            "Seen at the showing"
        ));
        assert_eq!(p.features.len(), 1);
        assert_eq!(p.features[0].category, "Seen at the showing");
        assert!(land(&mut p, "Replace the deck", Landing::Renovation, ""));
        let r = &p.renovations[0];
        assert_eq!(
            (r.item.as_str(), r.cost_low, r.cost_high),
            ("Replace the deck", 0, 0)
        );
    }
}
