//! Incidents and people killed by confidence grade: how much of what the site counts
//! rests on which footing. The bars keep the scale's order, most confident first, with
//! the reports the editors did not grade as a bar of their own at the end, so that a
//! site partly graded never looks wholly graded.

use super::tally;
use super::{incidents_and_killed, killed_cells, text, BarRow, ChartView};
use crate::domain::grades::GradeId;
use crate::site_context::SiteContext;

/// The pair of charts; a grade no listed report carries is left out, "no grade" too.
/// None when no report is graded: a chart of one "no grade" bar would tell nothing.
pub(super) fn charts(cx: &SiteContext) -> Option<[ChartView; 2]> {
    let grades = cx.site.settings.config.confidence.0.len();
    let tallies = tally::by_grade(&cx.site.incidents, &cx.index.listed, grades);
    if tallies[..grades].iter().all(|t| t.reports == 0) {
        return None;
    }
    let about = cx.urls.about();
    let (mut incidents, mut killed) = (Vec::new(), Vec::new());
    for (g, tally) in tallies.iter().enumerate() {
        if tally.reports == 0 {
            continue;
        }
        let (label, url) = if g < grades {
            let grade = cx.grade(GradeId(g));
            (grade.label, Some(format!("{about}#grade-{}", grade.id)))
        } else {
            (text(cx, "no_grade").to_string(), None)
        };
        incidents.push(row(
            &label,
            &url,
            Some(tally.reports),
            vec![Some(tally.reports)],
        ));
        killed.push(row(&label, &url, tally.killed(), killed_cells(tally)));
    }
    Some(incidents_and_killed(
        cx,
        ("grade", "by_grade", "killed_by_grade"),
        ["incidents-by-grade", "killed-by-grade"],
        (incidents, killed),
        true,
    ))
}

fn row(label: &str, url: &Option<String>, bar: Option<u64>, cells: Vec<Option<u64>>) -> BarRow {
    BarRow {
        label: label.to_string(),
        url: url.clone(),
        bar,
        cells,
    }
}
