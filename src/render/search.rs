//! The search page's side of the build: the filter choices the form offers, and the index
//! files and script the reader's browser searches with.
//!
//! Only published reports are indexed. Group names carry every alias, so a reader who
//! knows a group by another name still finds it.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::domain::grades::GradeId;
use crate::domain::vocabulary::EventType;
use crate::output::PageSink;
use crate::search_index::{self, Facet, Facets, Inverted, SearchDoc};
use crate::site_context::SiteContext;

/// The search script built into the binary, written unless the site's `static/` has its own.
pub const SEARCH_SCRIPT: &str = include_str!("../../static/search.js");

/// The form's choices and where the script finds its index.
#[derive(Serialize)]
pub struct SearchForm {
    /// The folder of the index files.
    pub index_url: String,
    /// The script.
    pub script: String,
    /// Countries that have reports.
    pub countries: Vec<Facet>,
    /// Regions that have reports, under their country.
    pub regions: Vec<RegionOptions>,
    /// Groups that have reports.
    pub groups: Vec<Facet>,
    /// Event types that have reports.
    pub types: Vec<Facet>,
    /// Confidence grades that some report carries, most confident first.
    pub grades: Vec<Facet>,
    /// The script's words in the site's language, as JSON for the form's `data-words`.
    pub words: String,
}

/// One country's regions in the region filter.
#[derive(Serialize)]
pub struct RegionOptions {
    /// The country.
    pub name: String,
    /// Its regions.
    pub options: Vec<Facet>,
}

/// The form of the search page; only choices that can match something are offered.
pub fn form(cx: &SiteContext) -> SearchForm {
    let registry = &cx.site.registry;
    let index = cx.index;
    let facets = facets(cx);
    let mut region_key = 0;
    let mut regions = Vec::new();
    for (c, country) in registry.countries.iter().enumerate() {
        let mut options = Vec::new();
        for r in 0..country.regions.len() {
            if !index.by_region[c][r].is_empty() {
                options.push(facets.regions[region_key].clone());
            }
            region_key += 1;
        }
        if !options.is_empty() {
            regions.push(RegionOptions {
                name: country.name.clone(),
                options,
            });
        }
    }
    let used = |list: &[Vec<usize>], facets: Vec<Facet>| -> Vec<Facet> {
        facets
            .into_iter()
            .zip(list)
            .filter(|(_, list)| !list.is_empty())
            .map(|(facet, _)| facet)
            .collect()
    };
    let mut groups = used(&index.by_group, facets.groups);
    groups.sort_by_key(|facet| facet.name.to_lowercase());
    SearchForm {
        index_url: format!("{}index/", cx.urls.search()),
        script: cx.urls.path("search.js"),
        countries: used(&index.by_country, facets.countries),
        regions,
        groups,
        types: used(&index.by_type, facets.types),
        grades: used_grades(cx, facets.grades),
        words: cx
            .words
            .tree
            .at("search_script")
            .and_then(|words| serde_json::to_string(words).ok())
            .unwrap_or_default(),
    }
}

/// The grades of `grades` (the site's, in order) that some listed report carries.
fn used_grades(cx: &SiteContext, grades: Vec<Facet>) -> Vec<Facet> {
    let mut used = vec![false; grades.len()];
    for &i in &cx.index.listed {
        if let Some(g) = cx.site.incidents[i].confidence {
            used[g.0] = true;
        }
    }
    grades
        .into_iter()
        .zip(used)
        .filter_map(|(facet, used)| used.then_some(facet))
        .collect()
}

/// The filter vocabularies, in registry order, so document fields can point into them.
fn facets(cx: &SiteContext) -> Facets {
    let registry = &cx.site.registry;
    Facets {
        countries: registry
            .countries
            .iter()
            .map(|c| Facet {
                key: c.slug.clone(),
                name: c.name.clone(),
            })
            .collect(),
        regions: registry
            .countries
            .iter()
            .flat_map(|c| {
                c.regions.iter().map(move |r| Facet {
                    key: format!("{}/{}", c.slug, r.slug),
                    name: r.name.clone(),
                })
            })
            .collect(),
        groups: registry
            .groups
            .iter()
            .map(|g| Facet {
                key: g.slug.clone(),
                name: g.name.clone(),
            })
            .collect(),
        types: EventType::ALL
            .iter()
            .map(|t| Facet {
                key: t.slug(),
                name: cx.event_type_name(*t),
            })
            .collect(),
        grades: (0..cx.site.settings.config.confidence.0.len())
            .map(|g| {
                let grade = cx.grade(GradeId(g));
                Facet {
                    key: grade.id,
                    name: grade.label,
                }
            })
            .collect(),
    }
}

/// The search documents of the published reports, in the site's order (newest first),
/// which is the index's order: the body text is left out, for [`Inverted::add`].
pub fn documents(cx: &SiteContext) -> Vec<SearchDoc> {
    let registry = &cx.site.registry;
    let mut region_offsets = Vec::with_capacity(registry.countries.len());
    let mut offset = 0u32;
    for country in &registry.countries {
        region_offsets.push(offset);
        offset += country.regions.len() as u32;
    }
    cx.index
        .listed
        .par_iter()
        .map(|&i| document(cx, i, &region_offsets))
        .collect()
}

/// Indexes every published report at once, each body taken from the site: what the dev
/// server does after a save, with every body held.
pub fn index_all(cx: &SiteContext, docs: &[SearchDoc]) -> Result<Inverted, Vec<Diagnostic>> {
    let bodies = cx
        .index
        .listed
        .par_iter()
        .map(|&i| cx.site.body(i))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| vec![e])?;
    let mut inverted = Inverted::for_language(&cx.site.settings.config.language);
    inverted.add(&docs.iter().collect::<Vec<_>>(), |k| {
        Cow::Owned(text_of(&bodies[k]))
    });
    Ok(inverted)
}

/// Writes the index of `docs` (from [`documents`]) made from `inverted` to
/// `search/index/`, with the script at `search.js` unless the site ships its own.
/// Returns the files written.
pub fn write_index(
    cx: &SiteContext,
    sink: &dyn PageSink,
    docs: &[SearchDoc],
    inverted: Inverted,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut written = Vec::new();
    let mut problems = Vec::new();
    let mut write = |files: Vec<(String, Vec<u8>)>| match crate::output::write_all(
        sink,
        files,
        "cannot write the search index",
    ) {
        Ok(names) => written.extend(names),
        Err(more) => problems.extend(more),
    };
    let docs: Vec<&SearchDoc> = docs.iter().collect();
    let index = format!("{}index/", cx.urls.search());
    search_index::write_from(&docs, inverted, &facets(cx), |batch| {
        write(
            batch
                .into_iter()
                .map(|(name, bytes)| (cx.urls.output_file(&format!("{index}{name}")), bytes))
                .collect(),
        )
    });
    // One script for every language: it takes its words from the page.
    if cx.is_default_language() && !cx.site.settings.root.join("static/search.js").is_file() {
        write(vec![(
            "search.js".to_string(),
            SEARCH_SCRIPT.as_bytes().to_vec(),
        )]);
    }
    if problems.is_empty() {
        Ok(written)
    } else {
        Err(problems)
    }
}

fn document(cx: &SiteContext, i: usize, region_offsets: &[u32]) -> SearchDoc {
    let incident = &cx.site.incidents[i];
    let registry = &cx.site.registry;
    let country = &registry.countries[incident.country];
    let mut groups: Vec<u32> = incident.actors.iter().map(|a| a.group as u32).collect();
    groups.sort_unstable();
    groups.dedup();
    let group_names = groups
        .iter()
        .flat_map(|&g| {
            let group = &registry.groups[g as usize];
            std::iter::once(group.name.clone())
                .chain(group.full_name.clone())
                .chain(group.aliases.iter().cloned())
        })
        .collect();
    let region_names = incident
        .regions
        .iter()
        .map(|&(c, r)| registry.countries[c].regions[r].name.clone());
    let first_region = incident
        .regions
        .first()
        .map(|&(c, r)| registry.countries[c].regions[r].name.as_str());
    let place = match (incident.locations.first(), first_region) {
        (Some(location), _) => format!("{}, {}", location.name, country.name),
        (None, Some(region)) => format!("{region}, {}", country.name),
        (None, None) => country.name.clone(),
    };
    SearchDoc {
        url: cx.urls.incident(&incident.slug),
        title: incident.title.clone(),
        date: incident.date.to_string(),
        date_label: cx.date(incident.date, incident.precision).label,
        place,
        country: incident.country as u32,
        regions: incident
            .regions
            .iter()
            .map(|&(c, r)| region_offsets[c] + r as u32)
            .collect(),
        groups,
        event_type: incident
            .event_type
            .and_then(|t| EventType::ALL.iter().position(|&e| e == t))
            .map(|t| t as u32),
        confidence: incident.confidence.map(|g| g.0 as u32),
        summary: incident.summary.clone(),
        places: incident
            .locations
            .iter()
            .map(|l| l.name.clone())
            .chain(region_names)
            .chain(std::iter::once(country.name.clone()))
            .collect(),
        group_names,
        body_text: String::new(),
    }
}

/// The text of HTML the build made itself: tags dropped (each leaves a space, so words
/// in two elements stay apart), the few entities it writes turned back into characters.
pub fn text_of(html: &str) -> String {
    const ENTITIES: [(&str, char); 5] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
    ];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                return text;
            };
            text.push(' ');
            rest = &rest[end + 1..];
        } else {
            let (ch, len) = ENTITIES
                .iter()
                .find(|(entity, _)| rest.starts_with(entity))
                .map_or(('&', 1), |&(entity, ch)| (ch, entity.len()));
            text.push(ch);
            rest = &rest[len..];
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::text_of;

    #[test]
    fn text_of_drops_tags_and_decodes_entities() {
        assert_eq!(
            text_of("<p>Kati &amp; <em>Kayes</em></p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Kati", "&", "Kayes"]
        );
        assert_eq!(
            text_of("a&lt;b&gt; &quot;c&#39; &amp;lt; d & e"),
            "a<b> \"c' &lt; d & e"
        );
        assert_eq!(text_of("<p>one</p><p>two"), " one  two");
        assert_eq!(text_of("cut <a href"), "cut ");
    }
}
