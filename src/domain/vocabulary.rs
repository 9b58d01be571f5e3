//! The closed vocabularies of SPEC.md: event types, roles, precisions and the like.
//!
//! Each is read from YAML by name and knows how to label itself for readers.

use serde::{Deserialize, Serialize};

/// Declares a vocabulary enum whose YAML names and reader labels are listed once.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order SPEC.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Position in [`Self::ALL`]: the index of per-value lists.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The name used in YAML and shown to readers.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }
    };
}

vocabulary! {
    /// What kind of event a report describes.
    EventType {
        /// A one-sided armed assault.
        Attack = "attack",
        /// Armed clashes between organised parties.
        Battle = "battle",
        /// Bombs, mines, shelling or air strikes.
        Explosion = "explosion",
        /// Kidnapping or forced disappearance.
        Abduction = "abduction",
        /// Deliberate violence against unarmed people.
        ViolenceAgainstCivilians = "violence against civilians",
        /// A peaceful demonstration.
        Protest = "protest",
        /// Violent demonstration or mob violence.
        Riot = "riot",
        /// A movement restriction imposed by an authority.
        Curfew = "curfew",
        /// Non-violent developments that matter: agreements, withdrawals, takeovers.
        StrategicDevelopment = "strategic development",
    }
}

impl EventType {
    /// The slug used in `/types/SLUG/`.
    pub fn slug(self) -> String {
        crate::domain::slugs::slugify(self.as_str())
    }

    /// The type with its first letter capitalised, for headings.
    pub fn title(self) -> String {
        let text = self.as_str();
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().collect::<String>() + chars.as_str()
        })
    }
}

vocabulary! {
    /// How exactly the report's date is known.
    #[derive(Default)]
    DatePrecision {
        /// The day is known.
        #[default]
        Day = "day",
        /// Only the week is known; `date` is its first possible day.
        Week = "week",
        /// Only the month is known.
        Month = "month",
        /// Only the year is known; `date` is its first possible day.
        Year = "year",
    }
}

vocabulary! {
    /// How exactly a location's coordinates place the event.
    LocationPrecision {
        /// The very spot.
        Exact = "exact",
        /// The town or village.
        Town = "town",
        /// The district around it.
        District = "district",
        /// Only the region: maps must not draw a precise point.
        Region = "region",
    }
}

vocabulary! {
    /// The part an actor played in an incident.
    Role {
        /// Carried out the violence.
        Perpetrator = "perpetrator",
        /// Was attacked.
        Target = "target",
        /// Intervened afterwards.
        Responder = "responder",
    }
}

vocabulary! {
    /// How an actor's role is established.
    Attribution {
        /// Established by sources independent of the actor.
        Confirmed = "confirmed",
        /// The actor claimed it.
        Claimed = "claimed",
        /// Suspected, not established.
        Suspected = "suspected",
    }
}

vocabulary! {
    /// Who the people counted in a casualty claim were.
    Who {
        /// Fighters of non-state groups.
        Militants = "militants",
        /// State forces.
        Soldiers = "soldiers",
        /// Non-combatants.
        Civilians = "civilians",
        /// Not stated.
        Unknown = "unknown",
    }
}

vocabulary! {
    /// What kind of outlet a source is.
    SourceType {
        /// A news organisation.
        News = "news",
        /// A government or army statement.
        Official = "official",
        /// A statement by an armed group.
        ArmedGroup = "armed group",
        /// A non-governmental organisation.
        Ngo = "ngo",
        /// Social media.
        Social = "social",
    }
}

vocabulary! {
    /// A source's record on the Admiralty code's scale, apart from any one claim it made.
    Reliability {
        /// No doubt of its authenticity or competence; a history of complete reliability.
        A = "A",
        /// Minor doubt; a history of valid information most of the time.
        B = "B",
        /// Doubt; it has given valid information in the past.
        C = "C",
        /// Significant doubt; valid information only now and then.
        D = "D",
        /// Lacks authenticity or competence; a history of invalid information.
        E = "E",
        /// No basis to judge its reliability.
        F = "F",
    }
}

vocabulary! {
    /// Whether a report is public.
    #[derive(Default)]
    Status {
        /// Public and counted.
        #[default]
        Published = "published",
        /// Built only with `--drafts`.
        Draft = "draft",
        /// Keeps its page but leaves counts, charts and exports.
        Retracted = "retracted",
    }
}

vocabulary! {
    /// What sort of actor a registry group is.
    #[derive(Default)]
    GroupKind {
        /// An armed group outside the state.
        NonStateArmedGroup = "non-state armed group",
        /// An army, police or other state force.
        StateForce = "state force",
        /// A militia or self-defence group.
        Militia = "militia",
        /// Anything else.
        #[default]
        Other = "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_the_position_in_all() {
        for (position, event_type) in EventType::ALL.iter().enumerate() {
            assert_eq!(event_type.index(), position);
        }
    }
}
