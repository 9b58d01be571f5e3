//! The crosswalk from our vocabulary to ACLED's and UCDP's codes: which ACLED disorder
//! type, event type and sub-event type, and which UCDP type of violence, a report's event
//! type becomes, and ([`actors`]) which ACLED actor type a group's kind becomes. Written
//! once as data: `acled.csv` and `ged.csv` read their codes from it, and the data page
//! prints the same tables, so the files and their documentation cannot drift apart.

pub mod actors;

use serde::Serialize;

use crate::domain::vocabulary::EventType;

/// ACLED's three-level classification of an event, in ACLED's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AcledType {
    /// `disorder_type`: Political violence, Demonstrations or Strategic developments (or
    /// ACLED's combined "Political violence; Demonstrations").
    pub disorder_type: &'static str,
    /// `event_type`.
    pub event_type: &'static str,
    /// `sub_event_type`.
    pub sub_event_type: &'static str,
}

/// How UCDP's `type_of_violence` is chosen for events of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Violence {
    /// Fighting between organised sides: 1 (state-based) when a state force is on
    /// either side, 2 (non-state) when neither is.
    BySides,
    /// 3: an organised group against unarmed people.
    OneSided,
    /// Not organised lethal violence, which UCDP does not record: left empty.
    Outside,
}

/// When a rule of the crosswalk applies to a report of its event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// Whatever else the report says.
    Always,
    /// The other side (the targets, or the responders when no target is named) is
    /// named and every group on it is armed: a state force, an armed group or a militia.
    ArmedOtherSide,
    /// Any other case: no other side named, or an unarmed group on it.
    UnarmedOtherSide,
    /// The editor's best figure of people killed is not above 0 (or not given).
    NoDeaths,
    /// The editor's best figure of people killed is above 0.
    Deaths,
}

/// One line of the crosswalk: our event type, under a condition, in ACLED's and UCDP's
/// codes.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    /// Our event type.
    pub ours: EventType,
    /// When the line applies.
    pub when: When,
    /// ACLED's classification.
    pub acled: AcledType,
    /// How UCDP's type of violence is chosen.
    pub ged: Violence,
}

const fn acled(
    disorder_type: &'static str,
    event_type: &'static str,
    sub_event_type: &'static str,
) -> AcledType {
    AcledType {
        disorder_type,
        event_type,
        sub_event_type,
    }
}

const ARMED_CLASH: AcledType = acled("Political violence", "Battles", "Armed clash");
const CIVILIANS_ATTACKED: AcledType =
    acled("Political violence", "Violence against civilians", "Attack");
// Our vocabulary does not say how a bomb was delivered; an explosive device is what
// reports of the region mostly describe, and the event type stays right either way.
const REMOTE_EXPLOSIVE: AcledType = acled(
    "Political violence",
    "Explosions/Remote violence",
    "Remote explosive/landmine/IED",
);
const OTHER_DEVELOPMENT: AcledType =
    acled("Strategic developments", "Strategic developments", "Other");

const fn rule(ours: EventType, when: When, acled: AcledType, ged: Violence) -> Rule {
    Rule {
        ours,
        when,
        acled,
        ged,
    }
}

/// The crosswalk, in the order of our event types; each type's lines cover every case.
pub const RULES: &[Rule] = &[
    rule(
        EventType::Attack,
        When::ArmedOtherSide,
        ARMED_CLASH,
        Violence::BySides,
    ),
    rule(
        EventType::Attack,
        When::UnarmedOtherSide,
        CIVILIANS_ATTACKED,
        Violence::OneSided,
    ),
    rule(
        EventType::Battle,
        When::Always,
        ARMED_CLASH,
        Violence::BySides,
    ),
    rule(
        EventType::Explosion,
        When::ArmedOtherSide,
        REMOTE_EXPLOSIVE,
        Violence::BySides,
    ),
    rule(
        EventType::Explosion,
        When::UnarmedOtherSide,
        REMOTE_EXPLOSIVE,
        Violence::OneSided,
    ),
    rule(
        EventType::Abduction,
        When::Always,
        acled(
            "Political violence",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        Violence::OneSided,
    ),
    rule(
        EventType::ViolenceAgainstCivilians,
        When::Always,
        CIVILIANS_ATTACKED,
        Violence::OneSided,
    ),
    rule(
        EventType::Protest,
        When::NoDeaths,
        acled("Demonstrations", "Protests", "Peaceful protest"),
        Violence::Outside,
    ),
    // Peaceful protesters kill no one: deaths at a protest mean force was used on it,
    // which ACLED counts as both political violence and a demonstration, and UCDP as
    // one-sided violence.
    rule(
        EventType::Protest,
        When::Deaths,
        acled(
            "Political violence; Demonstrations",
            "Protests",
            "Excessive force against protesters",
        ),
        Violence::OneSided,
    ),
    rule(
        EventType::Riot,
        When::Always,
        acled("Demonstrations", "Riots", "Violent demonstration"),
        Violence::Outside,
    ),
    rule(
        EventType::Curfew,
        When::Always,
        OTHER_DEVELOPMENT,
        Violence::Outside,
    ),
    rule(
        EventType::StrategicDevelopment,
        When::Always,
        OTHER_DEVELOPMENT,
        Violence::Outside,
    ),
];

/// What a report says that decides among the lines of its event type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    /// The other side is named and armed throughout (see [`When::ArmedOtherSide`]).
    pub armed_other_side: bool,
    /// The editor's best figure of people killed is above 0.
    pub deaths: bool,
}

impl When {
    fn holds(self, facts: Facts) -> bool {
        match self {
            When::Always => true,
            When::ArmedOtherSide => facts.armed_other_side,
            When::UnarmedOtherSide => !facts.armed_other_side,
            When::NoDeaths => !facts.deaths,
            When::Deaths => facts.deaths,
        }
    }
}

/// The line of the crosswalk for a report of `event_type` with `facts`.
pub fn rule_for(event_type: EventType, facts: Facts) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.ours == event_type && r.when.holds(facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_has_a_line_in_every_case() {
        for &event_type in EventType::ALL {
            for armed_other_side in [false, true] {
                for deaths in [false, true] {
                    let facts = Facts {
                        armed_other_side,
                        deaths,
                    };
                    assert!(
                        rule_for(event_type, facts).is_some(),
                        "{event_type:?} {facts:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_attack_on_armed_men_is_a_battle_and_on_others_violence_against_civilians() {
        let armed = Facts {
            armed_other_side: true,
            deaths: true,
        };
        let rule = rule_for(EventType::Attack, armed).unwrap();
        assert_eq!(rule.acled.event_type, "Battles");
        assert_eq!(rule.ged, Violence::BySides);
        let rule = rule_for(EventType::Attack, Facts::default()).unwrap();
        assert_eq!(rule.acled.event_type, "Violence against civilians");
        assert_eq!(rule.ged, Violence::OneSided);
    }
}
