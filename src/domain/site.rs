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

impl Site {
    /// STUB
    pub fn in_language(&self, lang: &str) -> Site {
        let mut settings = self.settings.clone();
        settings.config.language = lang.to_string();
        let mut incidents = self.incidents.clone();
        for i in &mut incidents {
            i.shown_in = Some(self.settings.languages[0].clone());
        }
        Site {
            settings,
            registry: Registry {
                countries: self.registry.countries.clone(),
                groups: self.registry.groups.clone(),
                country_keys: self.registry.country_keys.clone(),
                region_keys: self.registry.region_keys.clone(),
                group_keys: self.registry.group_keys.clone(),
            },
            incidents,
        }
    }
}
