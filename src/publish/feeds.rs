//! Atom 1.0 feeds (RFC 4287): the site's latest reports at `/atom.xml` and the same beside
//! every country, region, group and type page.

use std::borrow::Cow;

use jiff::civil::Date;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostics::Diagnostic;
use crate::lists::ListKey;
use crate::output::PageSink;
use crate::site_context::SiteContext;
use crate::xml::escape as xml_escape;

/// How many of the newest reports a feed carries.
pub const FEED_ENTRIES: usize = 50;

/// A namespace for name-based entry ids, so that ids of this tool's feeds never collide
/// with UUIDs made by anything else from the same names.
const ENTRY_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6c1f_04e2_59a3_4d7e_9b0f_3a52_e1c8_77d4);

/// A day as an RFC 3339 timestamp, which Atom requires for `updated`.
pub fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The id of a report's entry: derived from the site's base URL and the report's id, so
/// it survives every edit of the report, including a new title or a new slug when the
/// editor set an id.
pub fn entry_id(base_url: &str, report_id: &str) -> String {
    let name = format!("{base_url}#{report_id}");
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&ENTRY_NAMESPACE, name.as_bytes())
    )
}

/// The `<entry>` element of incident `i`, whose body is `body_html`.
pub fn entry(cx: &SiteContext, i: usize, body_html: &str) -> String {
    let incident = &cx.site.incidents[i];
    let urls = cx.urls;
    let registry = &cx.site.registry;
    let link = urls.absolute(&urls.incident(&incident.slug));
    let mut xml = String::with_capacity(body_html.len() * 2 + 1024);
    // An untranslated report keeps its own language in another language's feed.
    match &incident.shown_in {
        Some(lang) => xml.push_str(&format!("<entry xml:lang=\"{}\">\n", xml_escape(lang))),
        None => xml.push_str("<entry>\n"),
    }
    // Each language's feed is a feed of its own: its entries get ids of their own, and the
    // default language's keep the ids they had before the site had other languages.
    let id = match cx.is_default_language() {
        true => incident.id.clone(),
        false => format!("{}/{}", cx.site.settings.config.language, incident.id),
    };
    xml.push_str(&format!(
        "  <id>{}</id>\n",
        entry_id(&cx.site.settings.config.base_url, &id)
    ));
    xml.push_str(&format!(
        "  <title type=\"text\">{}</title>\n",
        xml_escape(&incident.title)
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&link)
    ));
    xml.push_str(&format!(
        "  <updated>{}</updated>\n",
        timestamp(incident.last_revision())
    ));
    xml.push_str(&format!(
        "  <summary type=\"text\">{}</summary>\n",
        xml_escape(&incident.summary)
    ));
    xml.push_str(&format!(
        "  <content type=\"html\">{}</content>\n",
        xml_escape(&content_html(cx, i, body_html))
    ));
    if let Some(event_type) = incident.event_type {
        xml.push_str(&format!(
            "  <category term=\"{}\" label=\"{}\"/>\n",
            xml_escape(&event_type.slug()),
            xml_escape(&cx.event_type_name(event_type))
        ));
    }
    let country = &registry.countries[incident.country];
    xml.push_str(&format!(
        "  <category term=\"{}\" label=\"{}\"/>\n",
        xml_escape(&country.slug),
        xml_escape(&country.name)
    ));
    let mut groups: Vec<usize> = incident.actors.iter().map(|a| a.group).collect();
    groups.dedup();
    for g in groups {
        let group = &registry.groups[g];
        xml.push_str(&format!(
            "  <category term=\"{}\" label=\"{}\"/>\n",
            xml_escape(&group.slug),
            xml_escape(&group.name)
        ));
    }
    if let Some([lat, lon]) = incident.locations.iter().find_map(|l| l.coordinates) {
        xml.push_str(&format!("  <georss:point>{lat} {lon}</georss:point>\n"));
    }
    xml.push_str("</entry>\n");
    xml
}

/// The facts a feed reader shows above the body: when, where, who, and the figures with
/// who claimed them.
fn content_html(cx: &SiteContext, i: usize, body_html: &str) -> String {
    let incident = &cx.site.incidents[i];
    let registry = &cx.site.registry;
    let mut places = vec![registry.countries[incident.country].name.clone()];
    places.extend(
        incident
            .regions
            .iter()
            .map(|&r| registry.region(r).name.clone()),
    );
    places.extend(incident.locations.iter().map(|l| l.name.clone()));
    let mut facts = vec![
        format!(
            "<li>Date: {}</li>",
            xml_escape(&cx.date(incident.date, incident.precision).label)
        ),
        format!("<li>Place: {}</li>", xml_escape(&places.join(", "))),
    ];
    if !incident.actors.is_empty() {
        let actors: Vec<String> = incident
            .actors
            .iter()
            .map(|a| format!("{} ({})", registry.groups[a.group].name, a.role.as_str()))
            .collect();
        facts.push(format!(
            "<li>Actors: {}</li>",
            xml_escape(&actors.join(", "))
        ));
    }
    if let Some(figures) = &incident.fatalities {
        let mut text = match figures.best {
            Some(best) => format!("{best} (editor's figure)"),
            None => "no independent figure".to_string(),
        };
        let claims: Vec<String> = figures
            .claims
            .iter()
            .map(|c| {
                let by = match &c.by {
                    crate::domain::model::Party::Group(g) => registry.groups[*g].name.as_str(),
                    crate::domain::model::Party::Named(name) => name.as_str(),
                };
                format!("{} {} according to {by}", c.count, c.who.as_str())
            })
            .collect();
        if !claims.is_empty() {
            text.push_str("; claims: ");
            text.push_str(&claims.join("; "));
        }
        facts.push(format!("<li>Killed: {}</li>", xml_escape(&text)));
    }
    format!("<ul>{}</ul>\n{body_html}", facts.concat())
}

/// Writes the site's feed and the feed beside the page of each of `lists` into `sink`
/// (without a sink, `check`, only makes them).
///
/// Entries are taken from `entries` (incident to its [`entry`]) when there, as the pass
/// over reports makes each shown report's entry once; the rest are made here, from the
/// body read again.
pub fn write_feeds(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
    lists: &[ListKey],
    entries: &FxHashMap<usize, String>,
) -> Result<(), Vec<Diagnostic>> {
    let feeds: Vec<ListKey> = std::iter::once(ListKey::All)
        .chain(lists.iter().copied())
        .collect();
    let problems: Vec<Diagnostic> = feeds
        .par_iter()
        .filter_map(|&key| write_feed(cx, sink, key, entries).err())
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Writes the feed of the list `key`; the feed of every report is the site's own, about
/// its front page.
fn write_feed(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
    key: ListKey,
    made: &FxHashMap<usize, String>,
) -> Result<(), Diagnostic> {
    let site_title = &cx.site.settings.config.title;
    let (page, title) = match key {
        ListKey::All => (cx.urls.home(), site_title.clone()),
        _ => (key.url(cx), format!("{site_title}: {}", key.title(cx))),
    };
    let url = key.feed_url(cx);
    let list = key.reports(cx.index);
    let newest = newest(list);
    let entries = newest
        .iter()
        .map(|&i| match made.get(&i) {
            Some(entry) => Ok(Cow::Borrowed(entry.as_str())),
            None => Ok(Cow::Owned(entry(cx, i, &cx.site.body(i)?))),
        })
        .collect::<Result<Vec<Cow<str>>, Diagnostic>>()?;
    let xml = feed(
        cx,
        &FeedHead {
            title: &title,
            page: &page,
            feed: &url,
        },
        newest
            .iter()
            .map(|&i| cx.site.incidents[i].last_revision())
            .max(),
        entries.iter().map(|entry| entry.as_ref()),
    );
    super::write_file(cx, sink, &url, xml.as_bytes())
}

/// The reports a feed of `list` shows.
fn newest(list: &[usize]) -> &[usize] {
    &list[..list.len().min(FEED_ENTRIES)]
}

/// Every report some feed shows: the site's feed, or the feed of one of `lists`.
pub fn feed_reports(cx: &SiteContext, lists: &[ListKey]) -> FxHashSet<usize> {
    let lists =
        std::iter::once(&cx.index.listed[..]).chain(lists.iter().map(|key| key.reports(cx.index)));
    lists
        .flat_map(|list| newest(list).iter().copied())
        .collect()
}

/// What one feed is about.
pub struct FeedHead<'a> {
    /// The feed's title.
    pub title: &'a str,
    /// The page the feed mirrors (a path from [`crate::urls::Urls`]).
    pub page: &'a str,
    /// The feed's own path.
    pub feed: &'a str,
}

/// A whole feed: the head, then `entries` (already written by [`entry`]) in order.
pub fn feed<'e>(
    cx: &SiteContext,
    head: &FeedHead,
    updated: Option<Date>,
    entries: impl Iterator<Item = &'e str>,
) -> String {
    let urls = cx.urls;
    let config = &cx.site.settings.config;
    let base = urls.absolute(&urls.home());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:georss=\"http://www.georss.org/georss\" xml:lang=\"{}\"{}>\n",
        xml_escape(&config.language),
        if base.starts_with("http") {
            format!(" xml:base=\"{}\"", xml_escape(&base))
        } else {
            String::new()
        }
    ));
    let feed_url = urls.absolute(head.feed);
    xml.push_str(&format!("<id>{}</id>\n", xml_escape(&feed_url)));
    xml.push_str(&format!(
        "<title type=\"text\">{}</title>\n",
        xml_escape(head.title)
    ));
    if !config.description.is_empty() {
        xml.push_str(&format!(
            "<subtitle type=\"text\">{}</subtitle>\n",
            xml_escape(&config.description)
        ));
    }
    xml.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&feed_url)
    ));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&urls.absolute(head.page))
    ));
    // An empty feed still needs an `updated`; a fixed day keeps builds reproducible.
    let updated = updated.unwrap_or(Date::constant(1970, 1, 1));
    xml.push_str(&format!("<updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n",
        xml_escape(&config.title)
    ));
    xml.push_str("<generator>incidex</generator>\n");
    for entry in entries {
        xml.push_str(entry);
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_drops_what_xml_cannot_hold() {
        assert_eq!(
            xml_escape("a<b>&\"'\u{1}\u{b}c\n"),
            "a&lt;b&gt;&amp;&quot;&#39;c\n"
        );
    }

    #[test]
    fn entry_ids_depend_on_site_and_report_id_only() {
        let a = entry_id("https://example.org/", "ML-2025-0001");
        assert_eq!(a, entry_id("https://example.org/", "ML-2025-0001"));
        assert_ne!(a, entry_id("https://example.org/", "ML-2025-0002"));
        assert_ne!(a, entry_id("https://other.org/", "ML-2025-0001"));
        assert!(a.starts_with("urn:uuid:"));
    }
}
