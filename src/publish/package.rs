//! `datapackage.json`: the Frictionless Data Package that describes the CSV exports, so
//! that loaders type each column, read empty cells as missing rather than zero, and join
//! the tables on their keys.

use serde::Serialize;

use super::columns::{self, Column, Table};
use crate::site_context::SiteContext;

#[derive(Serialize)]
struct DataPackage<'a> {
    profile: &'static str,
    name: String,
    title: &'a str,
    description: &'a str,
    homepage: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    licenses: Vec<License<'a>>,
    resources: Vec<Resource>,
}

/// A licence as Frictionless gives it: its SPDX name and, for the common ones, its text.
#[derive(Serialize)]
struct License<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'static str>,
}

#[derive(Serialize)]
struct Resource {
    name: &'static str,
    path: &'static str,
    profile: &'static str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    /// `gz` for a gzip-compressed file, which Frictionless unpacks as it reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    compression: Option<&'static str>,
    schema: TableSchema,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TableSchema {
    fields: &'static [Column],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    primary_key: &'static [&'static str],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    foreign_keys: Vec<ForeignKey>,
    missing_values: [&'static str; 1],
}

#[derive(Serialize)]
struct ForeignKey {
    fields: &'static [&'static str],
    reference: Reference,
}

#[derive(Serialize)]
struct Reference {
    resource: &'static str,
    fields: &'static [&'static str],
}

impl Resource {
    fn of(table: &Table) -> Resource {
        Resource {
            name: table.resource,
            path: table.file,
            profile: "tabular-data-resource",
            format: "csv",
            mediatype: "text/csv",
            encoding: "utf-8",
            compression: table.file.ends_with(".gz").then_some("gz"),
            schema: TableSchema {
                fields: table.columns,
                primary_key: table.primary_key,
                foreign_keys: table
                    .foreign_keys
                    .iter()
                    .map(|key| ForeignKey {
                        fields: key.fields,
                        reference: Reference {
                            resource: key.resource,
                            fields: key.reference,
                        },
                    })
                    .collect(),
                missing_values: [""],
            },
        }
    }
}

/// Where the text of the licences sites most often choose lives (by SPDX name): what
/// `datapackage.json` and the data page link a site's licence to.
pub fn license_text(name: &str) -> Option<&'static str> {
    Some(match name {
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/",
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC-BY-NC-4.0" => "https://creativecommons.org/licenses/by-nc/4.0/",
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/",
        "ODbL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/",
        "PDDL-1.0" => "https://opendatacommons.org/licenses/pddl/1-0/",
        _ => return None,
    })
}

/// `datapackage.json` (Frictionless Data Package v1): what a loader needs to type the
/// CSV columns and join the tables, with empty cells declared as missing values.
pub fn data_package(cx: &SiteContext) -> Vec<u8> {
    let config = &cx.site.settings.config;
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
        licenses: config
            .license
            .iter()
            .map(|name| License {
                name,
                path: license_text(name),
            })
            .collect(),
        resources: columns::TABLES.iter().map(Resource::of).collect(),
    };
    let mut json = serde_json::to_vec_pretty(&package).unwrap_or_default();
    json.push(b'\n');
    json
}
