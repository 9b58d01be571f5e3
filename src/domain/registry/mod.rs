//! The registries: countries with their regions (`content/regions.yaml`) and actors
//! (`content/groups.yaml`). Reports name places and groups; this module turns those names
//! into entries, matching names, ISO codes and aliases while ignoring case and accents.
//! The load stage reads the files into it (`load/registry/`).

mod language;
mod lookup;

use std::collections::{BTreeMap, HashMap};

use super::vocabulary::GroupKind;

/// A country of the region index.
#[derive(Debug, Clone)]
pub struct Country {
    /// What pages show.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// ISO 3166-1 alpha-2 code, when given.
    pub iso: Option<String>,
    /// Other names reports may use.
    pub aliases: Vec<String>,
    /// Its first-level regions.
    pub regions: Vec<Region>,
    /// `[[south, west], [north, east]]`: the box the country fits in, to catch coordinates
    /// with latitude and longitude swapped or a sign lost.
    pub bounds: Option<[[f64; 2]; 2]>,
    /// Its name in further languages, by language code (only `name` is ever set).
    pub translations: BTreeMap<String, EntryTranslation>,
}

/// A first-level region of a country.
#[derive(Debug, Clone)]
pub struct Region {
    /// What pages show.
    pub name: String,
    /// Its URL segment under the country's.
    pub slug: String,
    /// ISO 3166-2 code, when given.
    pub iso: Option<String>,
    /// Other names reports may use.
    pub aliases: Vec<String>,
    /// Latitude and longitude of its centre, for maps.
    pub center: Option<[f64; 2]>,
    /// Its name in further languages, by language code (only `name` is ever set).
    pub translations: BTreeMap<String, EntryTranslation>,
}

/// An actor of the group index.
#[derive(Debug, Clone)]
pub struct Group {
    /// What pages show.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// The long name, when different.
    pub full_name: Option<String>,
    /// Other names reports may use; each gets a redirect page.
    pub aliases: Vec<String>,
    /// State force, militia, ...
    pub kind: GroupKind,
    /// Wider movement it belongs to.
    pub affiliation: Option<String>,
    /// Markdown description for the group's page.
    pub description: Option<String>,
    /// Its names and description in further languages, by language code.
    pub translations: BTreeMap<String, EntryTranslation>,
}

/// What a registry entry says in one further language; what is `None` stays as written.
/// Places carry only a `name`; groups any of the four.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryTranslation {
    /// The name pages show in this language; reports may use it too.
    pub name: Option<String>,
    /// A group's long name in this language.
    pub full_name: Option<String>,
    /// A group's description (Markdown) in this language.
    pub description: Option<String>,
    /// A group's wider movement, as named in this language.
    pub affiliation: Option<String>,
}

/// A region's position: the country's index, then the region's index in it.
pub type RegionRef = (usize, usize);

/// Both registries, with the lookup tables that resolve names.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    /// Countries in file order.
    pub countries: Vec<Country>,
    /// Groups in file order.
    pub groups: Vec<Group>,
    /// Country names, ISO codes, aliases and translated names by match key, as the load
    /// stage entered them.
    pub(crate) country_keys: HashMap<String, usize>,
    /// Per country, its regions' names, codes, aliases and translated names by match key.
    pub(crate) region_keys: Vec<HashMap<String, usize>>,
    /// Group names, aliases and translated names by match key.
    pub(crate) group_keys: HashMap<String, usize>,
}

/// A name that matched nothing, with the closest known name if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoMatch {
    /// A likely intended name.
    pub suggestion: Option<String>,
}
