//! The text `new` writes: every key of the schema, the required ones filled in, the
//! optional ones commented out with what each takes.

use jiff::civil::Date;

/// What the skeleton is filled from.
pub(super) struct Skeleton<'a> {
    /// The comment pointing editors' tools at the site's schema, the front matter's first
    /// line.
    pub modeline: &'a str,
    /// The report's title.
    pub title: &'a str,
    /// A slug the editor chose, written as `slug:`.
    pub slug: Option<&'a str>,
    /// The day of the event.
    pub date: Date,
    /// The country's registry name.
    pub country: Option<&'a str>,
    /// The region's registry name.
    pub region: Option<&'a str>,
    /// Each group with its role.
    pub groups: &'a [(String, &'a str)],
    /// The next id in the site's scheme.
    pub id: Option<&'a str>,
}

/// The report text: every key of the schema, with what each takes.
pub(super) fn skeleton(s: &Skeleton) -> String {
    let mut out = format!("---\n{}\n", s.modeline);
    push_identity(&mut out, s);
    push_place(&mut out, s);
    push_groups(&mut out, s.groups);
    out.push_str(REST);
    out
}

/// `text` as a double-quoted YAML scalar, which a title of any characters can be.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The title, id, slug and dates.
fn push_identity(out: &mut String, s: &Skeleton) {
    out.push_str(&format!("title: {}\n", quoted(s.title)));
    match s.id {
        Some(id) => out.push_str(&format!("id: {id}\n")),
        None => out.push_str("# id: XX-2025-0001             # optional stable identifier\n"),
    }
    if let Some(slug) = s.slug {
        out.push_str(&format!(
            "slug: {slug}                       # the page's address\n"
        ));
    }
    out.push_str(&format!(
        "date: {}                 # the earliest possible day\n",
        s.date
    ));
    out.push_str("# end_date: YYYY-MM-DD          # for events over several days\n");
    out.push_str("date_precision: day              # day | week | month | year\n");
}

/// The country, the region and, commented out, the places.
fn push_place(out: &mut String, s: &Skeleton) {
    out.push_str(&format!(
        "country: {}\n",
        s.country
            .map_or_else(|| "\"\"                      # required".into(), quoted)
    ));
    out.push_str(&format!(
        "region: {}\n",
        s.region.map_or_else(
            || "\"\"                       # required: one name or a list".into(),
            quoted
        )
    ));
    out.push_str(
        "# locations:                     # each place, for maps and the events export\n\
         #   - name: Town\n\
         #     coordinates: [14.45, -11.44]   # latitude, longitude\n\
         #     precision: town                # exact | town | district | region\n",
    );
}

/// The groups given, a perpetrator's attribution confirmed; commented out when none is.
fn push_groups(out: &mut String, groups: &[(String, &str)]) {
    if groups.is_empty() {
        out.push_str(
            "# groups:                        # role: perpetrator | target | responder\n\
             #   - {group: NAME, role: perpetrator, attribution: claimed}\n",
        );
        return;
    }
    out.push_str("groups:                          # role: perpetrator | target | responder\n");
    for (group, role) in groups {
        let attribution = match *role {
            "perpetrator" => ", attribution: confirmed",
            _ => "",
        };
        out.push_str(&format!(
            "  - {{group: {}, role: {role}{attribution}}}\n",
            quoted(group)
        ));
    }
}

/// Every key after the groups, none filled in: the editor's to write.
const REST: &str = "\
    # event_type: attack             # attack | battle | explosion | abduction\n\
    #                                # | violence against civilians | protest | riot\n\
    #                                # | curfew | strategic development\n\
    # fatalities:                    # never summed: each figure says who gave it\n\
    #   best: 0                      # your estimate; omit it if only a party gave one\n\
    #   claims:\n\
    #     - {count: 0, who: unknown, by: NAME, source: s1}   # who: militants | soldiers | civilians | unknown\n\
    # injured: {claims: []}\n\
    # claims:                        # other contested assertions\n\
    #   - {by: NAME, text: What they said, source: s1, disputed: true, credibility: 3}   # 1-6\n\
    sources:                         # at least one\n\
    \x20 - id: s1\n\
    \x20   name: \"\"                     # who published it\n\
    \x20   type: news                   # news | official | armed group | ngo | social\n\
    #    url: https://\n\
    #    archive_url: https://web.archive.org/...\n\
    #    published: YYYY-MM-DD\n\
    #    last_verified: YYYY-MM-DD     # when you last opened it\n\
    #    sha256: ...                   # of the archived copy, if you keep one\n\
    #    reliability: C                # A-F: the source's record\n\
    # confidence: weak               # a grade of site.yaml (built in: confirmed | fair | weak | contested | discounted)\n\
    summary: \"\"                      # one or two neutral sentences\n\
    # tags: []\n\
    # related: []                    # slugs of other reports\n\
    status: draft                    # draft | published | retracted\n\
    # revisions: [{date: YYYY-MM-DD, note: What changed}]\n\
    ---\n\
    What happened, who says so, and what is not known.\n";
