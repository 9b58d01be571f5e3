//! A loaded site: its settings, its registries and its reports, validated.

use super::model::Incident;
use super::registry::Registry;
use crate::settings::Settings;

/// Everything a site holds, validated.
#[derive(Debug)]
pub struct Site {
    /// Settings resolved by the first stage.
    pub settings: Settings,
    /// Countries, regions and groups.
    pub registry: Registry,
    /// Every report that is built (drafts only with `--drafts`), in path order.
    pub incidents: Vec<Incident>,
}
