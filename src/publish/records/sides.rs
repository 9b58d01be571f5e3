//! What `acled.csv` and `ged.csv` both read off a report: its groups on each side with
//! their kinds, and the line of the crosswalk ([`crate::publish::crosswalk`]) that codes
//! its event. Both files have two sides where our reports have three roles; the
//! perpetrators are one side and the other is the targets, or the responders when no
//! target is named (an army that fought attackers who hit no named group).

use crate::domain::registry::Registry;
use crate::domain::vocabulary::{GroupKind, Role};
use crate::publish::crosswalk::{self, Facts, Rule};

use super::record::Record;

/// A group on one side, with its kind.
#[derive(Debug, Clone, Copy)]
pub(super) struct Party<'a> {
    /// The registry name.
    pub(super) name: &'a str,
    /// What sort of actor it is.
    pub(super) kind: GroupKind,
}

impl Party<'_> {
    /// Whether the group bears arms: a state force, an armed group or a militia.
    pub(super) fn armed(&self) -> bool {
        self.kind != GroupKind::Other
    }
}

/// A report's groups on each side, and how its event is coded.
pub(super) struct Sides<'a> {
    /// The perpetrators, the surest attribution first (as actor1 of events.csv).
    pub(super) perpetrators: Vec<Party<'a>>,
    /// The other side: the targets, or the responders when no target is named.
    pub(super) other: Vec<Party<'a>>,
    /// The crosswalk's line for the report; `None` when it gives no event type.
    pub(super) rule: Option<&'static Rule>,
}

impl<'a> Sides<'a> {
    /// The sides of `record`, whose groups are entries of `registry`.
    pub(super) fn of(record: &Record<'a>, registry: &Registry) -> Sides<'a> {
        let incident = record.source_of;
        let kind_of = |name: &str| {
            incident
                .actors
                .iter()
                .zip(&record.actors)
                .find(|(_, r)| r.group == name)
                .map(|(a, _)| registry.groups[a.group].kind)
                .unwrap_or_default()
        };
        let party = |name: &'a str| Party {
            name,
            kind: kind_of(name),
        };
        let mut named = record.perpetrators();
        named.sort_by_key(|&(_, attribution)| attribution);
        let perpetrators: Vec<Party<'a>> = named.into_iter().map(|(n, _)| party(n)).collect();
        let mut other: Vec<Party<'a>> = record
            .actors_as(Role::Target)
            .into_iter()
            .map(party)
            .collect();
        if other.is_empty() {
            other = record
                .actors_as(Role::Responder)
                .into_iter()
                .map(party)
                .collect();
        }
        let facts = Facts {
            armed_other_side: !other.is_empty() && other.iter().all(Party::armed),
            deaths: incident
                .fatalities
                .as_ref()
                .and_then(|f| f.best)
                .is_some_and(|best| best > 0),
        };
        let rule = incident
            .event_type
            .and_then(|t| crosswalk::rule_for(t, facts));
        Sides {
            perpetrators,
            other,
            rule,
        }
    }

    /// Whether a state force is on either side.
    pub(super) fn has_state_force(&self) -> bool {
        self.perpetrators
            .iter()
            .chain(&self.other)
            .any(|p| p.kind == GroupKind::StateForce)
    }
}
