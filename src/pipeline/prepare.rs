//! The prepare stage: what every page needs before any is rendered. The templates are
//! loaded, every report's card is rendered once (lists show cards, and a card shown on
//! five lists is still rendered once), and the maps and list summaries are computed.

use crate::diagnostics::Diagnostic;
use crate::domain::index::SiteIndex;
use crate::domain::Site;
use crate::render::pages::PageParts;
use crate::render::Renderer;

/// Loads the templates and makes what pages share; returns every template problem.
pub fn prepare(site: &Site, index: &SiteIndex) -> Result<(Renderer, PageParts), Vec<Diagnostic>> {
    let renderer = Renderer::new(site)?;
    let cx = renderer.view(site, index);
    let cards = renderer.cards(&cx, 0..site.incidents.len())?;
    let parts = PageParts::new(&cx, cards, renderer.card_data());
    Ok((renderer, parts))
}
