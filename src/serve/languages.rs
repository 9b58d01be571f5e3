//! A save in every language: the pages [`crate::pipeline::reach`] says a save reaches are
//! the same in each language (a [`Page`] names no language), so each language renders
//! them with its own templates, cards and maps, under its own URLs. The default
//! language's update ([`super::session`]) and each further language's go through
//! [`render_language`]; [`update_further`] keeps each further language's site in step
//! with the reloaded reports, and [`catch_up`] writes a further language's feeds, data
//! page and search index.

use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::domain::index::SiteIndex;
use crate::domain::model::Incident;
use crate::domain::Site;
use crate::lists::ListKey;
use crate::output::InPlace;
use crate::pipeline::reach::{affected_pages, merge, reach, Affected, Reach, Snapshot};
use crate::pipeline::Further;
use crate::publish::{self, Download};
use crate::render::pages::{Page, PageParts};
use crate::render::{maps, search, Renderer};
use crate::site_context::SiteContext;

/// One save, as every language sees it.
pub(super) struct Save<'a> {
    /// The default language's view of the site after the save.
    pub cx: SiteContext<'a>,
    /// What the pages showed of the touched reports before it.
    pub old: &'a Snapshot,
    /// The positions of the reloaded reports.
    pub stale: &'a [usize],
    /// The one report edited in place and how far the edit reaches in the default
    /// language; `None` when reports came, went or several changed.
    pub edit: Option<(usize, Reach)>,
    /// The pages the save reaches, worked out once for every language that needs them.
    affected: OnceCell<Affected>,
}

impl<'a> Save<'a> {
    /// The save that reloaded the `stale` reports.
    pub fn new(
        cx: SiteContext<'a>,
        old: &'a Snapshot,
        stale: &'a [usize],
        edit: Option<(usize, Reach)>,
    ) -> Save<'a> {
        Save {
            cx,
            old,
            stale,
            edit,
            affected: OnceCell::new(),
        }
    }

    fn affected(&self) -> &Affected {
        self.affected
            .get_or_init(|| affected_pages(&self.cx, self.old, self.stale))
    }

    /// The pages the save reaches in any language but the data page, which shows the
    /// data files' sizes, known once the catch-up has written them.
    fn pages(&self) -> Vec<Page> {
        let pages = self.affected().pages.iter().copied();
        pages.filter(|&p| p != Page::Data).collect()
    }

    /// The output files of the pages the save leaves without a report, in every
    /// language: none when one report was edited in place.
    pub fn gone(&self, further: &[Further]) -> Vec<String> {
        if matches!(self.edit, Some((_, Reach::OwnPage))) {
            return Vec::new();
        }
        let urls = self.cx.urls;
        let gone = &self.affected().gone;
        let mut files: Vec<String> = gone.iter().map(|url| urls.output_file(url)).collect();
        for language in further {
            files.extend(
                gone.iter()
                    .map(|url| urls.output_file(&urls.same_page_in(url, Some(&language.lang)))),
            );
        }
        files
    }
}

/// Which language draws each base map. A map's file is shared by every language and
/// drawn with the words of the first language, in the site's order, whose pages use it:
/// what a full build writes.
#[derive(Default)]
pub(super) struct BaseMaps {
    /// The maps the languages done so far used before the save.
    before: BTreeSet<String>,
    /// The maps they use after it.
    after: BTreeSet<String>,
}

impl BaseMaps {
    /// After the save, language `cx`, whose maps were `was` and are `is`, writes the
    /// maps it is now the first to use and did not draw before.
    fn write(
        &mut self,
        cx: &SiteContext,
        was: BTreeSet<String>,
        is: &maps::SiteMaps,
        sink: &InPlace,
    ) -> Result<(), Vec<Diagnostic>> {
        let drawn: BTreeSet<&str> = was.difference(&self.before).map(String::as_str).collect();
        let files = is.base_files_where(cx, |name| {
            !self.after.contains(name) && !drawn.contains(name)
        });
        self.before.extend(was);
        self.after.extend(is.base_names());
        crate::output::write_all(sink, files, "cannot write the map").map(drop)
    }

    /// The maps no language's pages use any more.
    pub fn unused(&self) -> impl Iterator<Item = String> + '_ {
        self.before.difference(&self.after).cloned()
    }
}

/// Renders one language's pages a save reaches: only report `own_page`'s page when that
/// is all the save changed in this language, else fresh cards and map marks for the
/// stale reports and every page the save reaches. Returns the language's parts and how
/// many pages it wrote.
pub(super) fn render_language(
    save: &Save,
    (renderer, cx): (&Renderer, &SiteContext),
    parts: PageParts,
    own_page: Option<usize>,
    (sink, base_maps): (&InPlace, &mut BaseMaps),
) -> Result<(PageParts, usize), Vec<Diagnostic>> {
    let was = parts.maps.base_names();
    let (parts, pages) = match own_page {
        Some(i) => (parts, vec![Page::Incident(i)]),
        None => (refresh_parts(save, renderer, cx, parts)?, save.pages()),
    };
    renderer.render_pages(cx, &parts, &pages, Some(sink))?;
    base_maps.write(cx, was, &parts.maps, sink)?;
    Ok((parts, pages.len()))
}

/// `old` with fresh cards and map marks for the stale reports, the others' kept.
fn refresh_parts(
    save: &Save,
    renderer: &Renderer,
    cx: &SiteContext,
    old: PageParts,
) -> Result<PageParts, Vec<Diagnostic>> {
    let (stale, unchanged) = (save.stale, &save.old.unchanged);
    let PageParts {
        mut cards,
        downloads,
        maps: mut old_maps,
        ..
    } = old;
    let fresh_cards = renderer.cards(cx, stale.to_vec())?;
    let cards = merge(stale, fresh_cards, unchanged, &mut cards);
    let mut old_marks = std::mem::take(&mut old_maps.marks);
    let fresh_marks = maps::all_marks(cx, stale.to_vec());
    let marks = merge(stale, fresh_marks, unchanged, &mut old_marks);
    let card_data = renderer.card_data();
    Ok(PageParts::with_marks(
        cx, cards, downloads, marks, card_data,
    ))
}

/// Brings each further language up to date with the save, in the site's order: its
/// site takes the stale reports, translated again from `site` (the default language's,
/// reloaded), and its pages the save reaches are rendered again. Returns what each keeps
/// and how many pages they wrote.
pub(super) fn update_further(
    save: &Save,
    further: Vec<Further>,
    sink: &InPlace,
    base_maps: &mut BaseMaps,
) -> Result<(Vec<Further>, usize), Vec<Diagnostic>> {
    let mut kept = Vec::with_capacity(further.len());
    let mut written = 0;
    for language in further {
        let Further {
            lang,
            site: old_site,
            renderer,
            parts,
        } = language;
        let fresh: Vec<Incident> = (save.stale.iter())
            .map(|&i| save.cx.site.incident_in_language(i, &lang))
            .collect();
        // An edit in place that changes only the report's own page in this language.
        let own_page = save.edit.and_then(|(i, _)| {
            let (before, after) = (old_site.incidents.get(i)?, fresh.first()?);
            (reach(before, after) == Reach::OwnPage).then_some(i)
        });
        let site = in_step(save, old_site, fresh);
        let cx = renderer.view(&site, save.cx.index);
        let (parts, pages) =
            render_language(save, (&renderer, &cx), parts, own_page, (sink, base_maps))?;
        written += pages;
        kept.push(Further {
            lang,
            site,
            renderer,
            parts,
        });
    }
    Ok((kept, written))
}

/// A further language's `old` site with the `fresh` translations of the stale reports
/// in their places, and the other reports moved over.
fn in_step(save: &Save, old: Site, fresh: Vec<Incident>) -> Site {
    let Site {
        settings,
        registry,
        incidents,
    } = old;
    let mut old: Vec<Option<Incident>> = incidents.into_iter().map(Some).collect();
    let fresh = fresh.into_iter().map(Some).collect();
    let incidents = merge(save.stale, fresh, &save.old.unchanged, &mut old);
    Site {
        settings,
        registry,
        incidents: incidents.into_iter().flatten().collect(),
    }
}

/// The catch-up of one further language: its feeds of `lists`, its data page listing the
/// default language's `downloads` in its words, and its search index, whose files the
/// update did not write are deleted from `output`.
pub(super) fn catch_up(
    language: &mut Further,
    index: &SiteIndex,
    (lists, downloads): (&[ListKey], &[Download]),
    sink: &InPlace,
    output: &Path,
) -> Result<(), Vec<Diagnostic>> {
    let cx = language.renderer.view(&language.site, index);
    language.parts.downloads = downloads.iter().map(|d| d.in_words(cx.words)).collect();
    publish::feeds::write_feeds(&cx, Some(sink), lists, &Default::default())?;
    (language.renderer).render_pages(&cx, &language.parts, &[Page::Data], Some(sink))?;
    write_search_index(&cx, sink, output)
}

/// Writes the search index of `cx`'s language again, and deletes its files it did not
/// write: a new report can change how the index is split into files.
pub(super) fn write_search_index(
    cx: &SiteContext,
    sink: &InPlace,
    output: &Path,
) -> Result<(), Vec<Diagnostic>> {
    let docs = search::documents(cx);
    let inverted = search::index_all(cx, &docs)?;
    let written = search::write_index(cx, sink, &docs, inverted)?;
    let page = PathBuf::from(cx.urls.output_file(&cx.urls.search()));
    let folder = page.with_file_name("index");
    crate::output::remove_unwritten(output, &folder.to_string_lossy(), &written);
    Ok(())
}
