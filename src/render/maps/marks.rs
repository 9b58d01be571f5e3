//! Incidents turned into marks: each place with coordinates where it is, and each place
//! known only to its region at the region's centre, marked as approximate.

use rayon::prelude::*;

use crate::domain::model::Incident;
use crate::domain::registry::RegionRef;
use crate::domain::vocabulary::LocationPrecision;
use crate::draw::map::Mark;
use crate::site_context::SiteContext;

/// One mark with the region it lies in, so region maps can frame their own marks.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The region the place is in, as the report gives it.
    pub region: Option<RegionRef>,
    /// The place's name as the list beside the map shows it.
    pub place: String,
    /// What the map draws.
    pub mark: Mark,
}

/// The marks of each incident in `which`, in order.
pub fn all_marks(
    cx: &SiteContext,
    which: impl IntoParallelIterator<Item = usize>,
) -> Vec<Vec<Placed>> {
    which.into_par_iter().map(|i| marks_of(cx, i)).collect()
}

/// The marks of one incident: each place with coordinates, else the centre of its region
/// as an approximate place; with no places at all, the centres of the report's regions.
fn marks_of(cx: &SiteContext, i: usize) -> Vec<Placed> {
    let incident: &Incident = &cx.site.incidents[i];
    let registry = &cx.site.registry;
    let href = cx.urls.incident(&incident.slug);
    let date = cx.date(incident.date, incident.precision).label;
    let centre = |region: RegionRef| registry.countries[region.0].regions[region.1].center;
    let region_name =
        |region: RegionRef| registry.countries[region.0].regions[region.1].name.clone();
    let mark = |place: &str, [lat, lon]: [f64; 2], approximate: bool| Mark {
        lat,
        lon,
        approximate,
        href: href.clone(),
        label: cx.words.fill(
            "maps.mark_label",
            &[
                ("place", place),
                ("title", &incident.title),
                ("date", &date),
            ],
        ),
    };
    let mut placed: Vec<Placed> = incident
        .locations
        .iter()
        .filter_map(|location| {
            let region = location
                .region
                .or_else(|| incident.regions.first().copied());
            match (location.coordinates, region) {
                (Some(point), _) => Some(Placed {
                    region,
                    place: location.name.clone(),
                    mark: mark(
                        &location.name,
                        point,
                        location.precision == Some(LocationPrecision::Region),
                    ),
                }),
                (None, Some(region)) => centre(region).map(|point| Placed {
                    region: Some(region),
                    place: cx.words.fill(
                        "maps.place_in_region",
                        &[("place", &location.name), ("region", &region_name(region))],
                    ),
                    mark: mark(&location.name, point, true),
                }),
                (None, None) => None,
            }
        })
        .collect();
    if incident.locations.is_empty() {
        placed.extend(incident.regions.iter().filter_map(|&region| {
            let name = cx
                .words
                .fill("maps.region", &[("region", &region_name(region))]);
            centre(region).map(|point| Placed {
                region: Some(region),
                mark: mark(&name, point, true),
                place: name,
            })
        }));
    }
    placed
}
