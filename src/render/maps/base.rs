//! The base map files: each distinct view's outlines drawn once into `maps/`, which every
//! page with that view refers to instead of carrying the outlines inline.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::draw::map::{base_map_svg, MapView};
use crate::site_context::SiteContext;

use super::SiteMaps;

impl SiteMaps {
    /// Every base map the pages refer to, as (output file, SVG): one per distinct view.
    pub fn base_files(&self, cx: &SiteContext) -> Vec<(String, String)> {
        self.base_files_where(cx, |_| true)
    }

    /// The base maps these maps refer to whose file names `keep` accepts: all a save
    /// must write is the maps whose names are new, since a base map's file name is made
    /// from its view (the words drawn on it are those of `cx`'s language).
    pub fn base_files_where(
        &self,
        cx: &SiteContext,
        keep: impl Fn(&str) -> bool + Sync,
    ) -> Vec<(String, String)> {
        let words = super::words::map_words(cx);
        self.base_views()
            .into_par_iter()
            .map(|(stem, view)| (base_file(&stem), view))
            .filter(|(file, _)| keep(file))
            .map(|(file, view)| (file, base_map_svg(view, &words)))
            .collect()
    }

    /// The output files of every base map the pages refer to.
    pub fn base_names(&self) -> BTreeSet<String> {
        self.base_views()
            .into_keys()
            .map(|stem| base_file(&stem))
            .collect()
    }

    /// Every view of the site by file stem, each once.
    fn base_views(&self) -> BTreeMap<String, &MapView> {
        let mut views: BTreeMap<String, &MapView> = BTreeMap::new();
        let all = self
            .site
            .iter()
            .chain(self.countries.iter().flatten())
            .chain(self.regions.iter().flatten().flatten())
            .chain(self.groups.iter().flatten());
        for view in all {
            views.entry(view.file_stem()).or_insert(view);
        }
        views
    }

    /// The address a page refers to `view`'s base map by.
    pub(super) fn base_href(&self, cx: &SiteContext, view: &MapView) -> String {
        cx.urls.path(&base_file(&view.file_stem()))
    }
}

/// The output file of the base map whose view has file stem `stem`.
fn base_file(stem: &str) -> String {
    format!("maps/{stem}.svg")
}
