//! The pages of armed groups and other actors: the list of groups (`groups.html`), a
//! group's reports with the role it played in each (`group.html`), and the page at an
//! alias's slug that points readers to the group (`alias.html`).

use std::collections::HashSet;

use serde::Serialize;

use super::lists::{full_cards, pages_of, Downloads};
use super::{first_page, on_page, Page, PageParts, PageView};
use crate::domain::index::RoleCounts;
use crate::domain::vocabulary::Role;
use crate::lists::{GroupId, ListKey};
use crate::render::maps::MapBlock;
use crate::render::views::{CardView, Pagination};
use crate::site_context::{CountedLink, DateView, Link, SiteContext};

/// The slugs of every group's own page.
pub fn group_slugs<'a>(cx: &'a SiteContext) -> HashSet<&'a str> {
    cx.site
        .registry
        .groups
        .iter()
        .map(|g| g.slug.as_str())
        .collect()
}

/// The alias pages of group `g`: one per alias whose slug is neither empty nor another
/// group's own, since such a page would overwrite that group's and needs no redirect.
pub fn alias_pages<'a>(
    cx: &'a SiteContext,
    g: GroupId,
    group_slugs: &'a HashSet<&str>,
) -> impl Iterator<Item = Page> + 'a {
    let aliases = &cx.site.registry.groups[g.0].aliases;
    aliases.iter().enumerate().filter_map(move |(a, alias)| {
        let slug = crate::domain::slugs::slugify(alias);
        (!slug.is_empty() && !group_slugs.contains(slug.as_str())).then_some(Page::Alias(g, a))
    })
}

/// `groups.html`: every group, most reports first.
#[derive(Serialize)]
pub struct GroupsPage<'a> {
    /// Each group.
    pub groups: Vec<GroupRow<'a>>,
}

/// One group in the list of groups.
#[derive(Serialize)]
pub struct GroupRow<'a> {
    /// Its short name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// Its full name, when given.
    pub full_name: Option<&'a str>,
    /// What kind of actor it is.
    pub kind: &'static str,
    /// Whom it is affiliated with, when given.
    pub affiliation: Option<&'a str>,
    /// How many reports name it.
    pub total: usize,
    /// How many as perpetrator.
    pub perpetrator: usize,
    /// How many as target.
    pub target: usize,
}

/// The template, title and view of the list of groups.
pub fn groups_view<'a>(cx: &'a SiteContext) -> (&'static str, String, PageView<'a>) {
    let mut groups: Vec<GroupRow> = cx
        .site
        .registry
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let roles = &cx.index.role_counts[g];
            GroupRow {
                name: &group.name,
                url: cx.urls.group(&group.slug),
                full_name: group.full_name.as_deref(),
                kind: group.kind.as_str(),
                affiliation: group.affiliation.as_deref(),
                total: cx.index.by_group[g].len(),
                perpetrator: roles.perpetrator,
                target: roles.target,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    (
        "groups.html",
        cx.words.text("titles.groups").to_string(),
        PageView::Groups(GroupsPage { groups }),
    )
}

/// `group.html`: one page of a group's reports.
#[derive(Serialize)]
pub struct GroupPage<'a> {
    /// The group.
    pub group: GroupHeader<'a>,
    /// The regions it was seen in, with counts, most first; on the first page only, as
    /// they sum up the whole list.
    pub regions: &'a [CountedLink],
    /// The map of its reports, on the first page only.
    pub map: Option<MapBlock>,
    /// Its feed and data files.
    pub downloads: Downloads,
    /// The reports on this page, each with the roles the group played in it.
    pub items: Vec<RoleCard<'a>>,
    /// Links to the other pages.
    pub pagination: Pagination,
}

/// What a group's page says of the group.
#[derive(Serialize)]
pub struct GroupHeader<'a> {
    /// Its short name.
    pub name: &'a str,
    /// Its full name, when given.
    pub full_name: Option<&'a str>,
    /// Other names it goes by.
    pub aliases: &'a [String],
    /// What kind of actor it is.
    pub kind: &'static str,
    /// Whom it is affiliated with, when given.
    pub affiliation: Option<&'a str>,
    /// The registry's description, as HTML; on the first page only.
    pub description: Option<&'a str>,
    /// Its first page.
    pub url: String,
    /// How many reports name it.
    pub total: usize,
    /// How many as perpetrator.
    pub perpetrator: usize,
    /// How many as target.
    pub target: usize,
    /// How many as responder.
    pub responder: usize,
    /// The date of its oldest report.
    pub first_seen: Option<DateView>,
    /// The date of its newest report.
    pub last_seen: Option<DateView>,
}

/// One report on a group's page.
#[derive(Serialize)]
pub struct RoleCard<'a> {
    /// The roles the group played in it.
    pub roles: Vec<&'static str>,
    /// The report's card HTML, on the list's first page; none further on.
    pub card: Option<&'a str>,
    /// The report's row HTML (its cells), on the list's further pages; none on the first.
    pub row: Option<&'a str>,
    /// The report's card data; none when every template is built in, as none reads it.
    pub report: Option<CardView<'a>>,
}

/// The view of page `n` of group `g`'s reports.
pub fn group_view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    g: GroupId,
    n: usize,
) -> GroupPage<'a> {
    let key = ListKey::Group(g);
    let group = &cx.site.registry.groups[g.0];
    let list = key.reports(cx.index);
    let RoleCounts {
        perpetrator,
        target,
        responder,
    } = cx.index.role_counts[g.0];
    let seen = |i: usize| cx.date(cx.site.incidents[i].date, cx.site.incidents[i].precision);
    let per_page = cx.site.settings.config.paginate_by;
    GroupPage {
        group: GroupHeader {
            name: &group.name,
            full_name: group.full_name.as_deref(),
            aliases: &group.aliases,
            kind: group.kind.as_str(),
            affiliation: group.affiliation.as_deref(),
            description: first_page(n, || parts.group_descriptions[g.0].as_deref()),
            url: key.url(cx),
            total: list.len(),
            perpetrator,
            target,
            responder,
            first_seen: list.last().map(|&i| seen(i)),
            last_seen: list.first().map(|&i| seen(i)),
        },
        regions: if n == 1 {
            &parts.group_regions[g.0]
        } else {
            &[]
        },
        map: first_page(n, || parts.maps.group(cx, g.0)),
        downloads: Downloads::of(cx, key),
        items: on_page(list, n, per_page)
            .iter()
            .map(|&i| RoleCard {
                roles: roles_of(&cx.site.incidents[i], g),
                card: full_cards(n).then(|| parts.cards[i].card.as_str()),
                row: (!full_cards(n)).then(|| parts.cards[i].row.as_str()),
                report: parts.card_data.then(|| cx.card(i)),
            })
            .collect(),
        pagination: pages_of(cx, key, n),
    }
}

/// The roles a group played in one incident, as words.
fn roles_of(
    incident: &crate::domain::model::Incident,
    GroupId(group): GroupId,
) -> Vec<&'static str> {
    let mut roles: Vec<&'static str> = incident
        .actors
        .iter()
        .filter(|a| a.group == group)
        .map(|a| a.role.as_str())
        .collect();
    roles.dedup();
    if roles.is_empty() {
        roles.push(Role::Perpetrator.as_str());
    }
    roles
}

/// `alias.html`: the page at an alias's slug, pointing to its group.
#[derive(Serialize)]
pub struct AliasPage<'a> {
    /// The alias.
    pub alias: &'a str,
    /// The group it names.
    pub target: Link,
}

/// The template, title and view of the page of alias `a` of group `g`.
pub fn alias_view<'a>(
    cx: &'a SiteContext,
    g: GroupId,
    a: usize,
) -> (&'static str, String, PageView<'a>) {
    let group = &cx.site.registry.groups[g.0];
    let alias = &group.aliases[a];
    (
        "alias.html",
        cx.words
            .fill("titles.alias", &[("alias", alias), ("group", &group.name)]),
        PageView::Alias(AliasPage {
            alias,
            target: cx.group_link(g.0),
        }),
    )
}
