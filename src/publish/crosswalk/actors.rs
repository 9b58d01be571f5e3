//! ACLED's actor types ("inter" codes) and the interaction of two of them, as ACLED's
//! current exports write them: words ("State forces", "Rebel group"), not the numbers 1
//! to 8 of its older files; the interaction joins the two words in the order of their
//! old numbers ("State forces-Rebel group"), or says "… only" for one actor.

use serde::{Serialize, Serializer};

use crate::domain::vocabulary::GroupKind;

/// One of ACLED's eight actor types, in the order of its old numeric codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Inter {
    /// 1: armies, police and other forces of a state in its own territory.
    StateForces,
    /// 2: armed groups that fight to overturn or break from a government.
    RebelGroup,
    /// 3: armed groups with a political aim short of that; ACLED also files armed men
    /// it cannot name here.
    PoliticalMilitia,
    /// 4: armed groups organised around a community: ethnic, local or self-defence.
    IdentityMilitia,
    /// 5: violent crowds.
    Rioters,
    /// 6: peaceful crowds.
    Protesters,
    /// 7: unarmed people, as victims.
    Civilians,
    /// 8: foreign forces, international missions, private forces and anything else.
    ExternalOther,
}

impl Inter {
    /// The word ACLED's export writes in `inter1` and `inter2`.
    pub fn label(self) -> &'static str {
        match self {
            Inter::StateForces => "State forces",
            Inter::RebelGroup => "Rebel group",
            Inter::PoliticalMilitia => "Political militia",
            Inter::IdentityMilitia => "Identity militia",
            Inter::Rioters => "Rioters",
            Inter::Protesters => "Protesters",
            Inter::Civilians => "Civilians",
            Inter::ExternalOther => "External/Other forces",
        }
    }

    /// The actor type of a registry group of `kind`.
    pub fn of(kind: GroupKind) -> Inter {
        KINDS
            .iter()
            .find(|t| t.kind == kind)
            .map_or(Inter::ExternalOther, |t| t.inter)
    }
}

/// Pages show an actor type as ACLED's word for it.
impl Serialize for Inter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// One of our group kinds and ACLED's actor type for it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ActorType {
    /// Our group kind.
    pub kind: GroupKind,
    /// ACLED's type for such groups.
    pub inter: Inter,
}

const fn actor_type(kind: GroupKind, inter: Inter) -> ActorType {
    ActorType { kind, inter }
}

/// Our group kinds with the actor type ACLED gives such groups. A militia or
/// self-defence group in our registry is mostly a community's own force (ACLED's
/// identity militia); ACLED's political militias are mostly groups it cannot name, for
/// which our exports write ACLED's "Unidentified Armed Group".
pub const KINDS: &[ActorType] = &[
    actor_type(GroupKind::StateForce, Inter::StateForces),
    actor_type(GroupKind::NonStateArmedGroup, Inter::RebelGroup),
    actor_type(GroupKind::Militia, Inter::IdentityMilitia),
    actor_type(GroupKind::Other, Inter::ExternalOther),
];

/// ACLED's `interaction` for the actor types of actor 1 and actor 2: the two joined in
/// the order of their codes, or "X only" when one is missing; empty with neither.
pub fn interaction(first: Option<Inter>, second: Option<Inter>) -> String {
    match (first, second) {
        (Some(a), Some(b)) => {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            // ACLED's one exception to its order: civilians come after other forces.
            if (low, high) == (Inter::Civilians, Inter::ExternalOther) {
                return format!("{}-{}", high.label(), low.label());
            }
            format!("{}-{}", low.label(), high.label())
        }
        (Some(one), None) | (None, Some(one)) => format!("{} only", one.label()),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactions_read_as_acled_writes_them() {
        let state = Some(Inter::StateForces);
        let rebels = Some(Inter::RebelGroup);
        assert_eq!(interaction(rebels, state), "State forces-Rebel group");
        assert_eq!(interaction(state, rebels), "State forces-Rebel group");
        assert_eq!(
            interaction(Some(Inter::Protesters), None),
            "Protesters only"
        );
        assert_eq!(
            interaction(Some(Inter::Civilians), Some(Inter::ExternalOther)),
            "External/Other forces-Civilians"
        );
        assert_eq!(
            interaction(Some(Inter::PoliticalMilitia), Some(Inter::Civilians)),
            "Political militia-Civilians"
        );
        assert_eq!(interaction(None, None), "");
    }

    #[test]
    fn every_group_kind_has_an_actor_type() {
        for &kind in GroupKind::ALL {
            assert!(KINDS.iter().any(|t| t.kind == kind), "{kind:?}");
        }
        assert_eq!(Inter::of(GroupKind::StateForce).label(), "State forces");
    }
}
