//! `datapackage.json`: the Frictionless Data Package that describes the CSV exports, so
//! that loaders type each column and read empty cells as missing, not as zero.

use serde::Serialize;

use super::columns;
use crate::site_context::SiteContext;

#[derive(Serialize)]
struct DataPackage<'a> {
    profile: &'static str,
    name: String,
    title: &'a str,
    description: &'a str,
    homepage: String,
    resources: Vec<Resource>,
}

#[derive(Serialize)]
struct Resource {
    name: &'static str,
    path: &'static str,
    profile: &'static str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: Option<TableSchema>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TableSchema {
    fields: &'static [columns::Column],
    primary_key: &'static str,
    missing_values: [&'static str; 1],
}

/// `datapackage.json` (Frictionless Data Package v1): what a loader needs to type the
/// CSV columns, with empty cells declared as missing values rather than zeros.
pub fn data_package(cx: &SiteContext) -> Vec<u8> {
    let config = &cx.site.settings.config;
    let table = |name, path, fields, primary_key| Resource {
        name,
        path,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: Some(TableSchema {
            fields,
            primary_key,
            missing_values: [""],
        }),
    };
    let package = DataPackage {
        profile: "tabular-data-package",
        name: {
            let slug = crate::domain::slugs::slugify(&config.title);
            if slug.is_empty() {
                "incidents".to_string()
            } else {
                slug
            }
        },
        title: &config.title,
        description: &config.description,
        homepage: cx.urls.absolute(&cx.urls.home()),
        resources: vec![
            table(
                "incidents",
                "incidents.csv",
                columns::INCIDENT_COLUMNS,
                "id",
            ),
            table(
                "events",
                "events.csv",
                columns::EVENT_COLUMNS,
                "event_id_cnty",
            ),
        ],
    };
    let mut json = serde_json::to_vec_pretty(&package).unwrap_or_default();
    json.push(b'\n');
    json
}
