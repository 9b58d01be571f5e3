//! The schemas of the front matter's nested entries: places, groups, figures, claims,
//! sources and revisions, each closed to keys it does not know, as the validator is.

use serde_json::{json, Value};

use crate::domain::grades::Credibility;
use crate::domain::vocabulary::{
    Attribution, LocationPrecision, Reliability, Role, SourceType, Who,
};

use super::{date, nullable, text, words};

/// One entry of `locations:`; `region` is the schema of a region name.
pub(super) fn location(region: &Value) -> Value {
    let latitude = json!({"type": "number", "minimum": -90, "maximum": 90});
    let longitude = json!({"type": "number", "minimum": -180, "maximum": 180});
    closed(
        json!({
            "name": text("Town, village or site."),
            "region": nullable(region.clone()),
            "admin2": nullable(json!({"type": "string"})),
            "coordinates": nullable(json!({
                "type": "array",
                "description": "[latitude, longitude] (WGS84).",
                "prefixItems": [latitude, longitude],
                "minItems": 2,
                "maxItems": 2,
            })),
            "precision": nullable(words(
                LocationPrecision::ALL.iter().map(|p| p.as_str()),
                "How exactly the coordinates place it.",
            )),
        }),
        &["name"],
    )
}

/// One entry of `groups:`: a group's name, or the group with its role and attribution.
pub(super) fn group_entry(group: &Value) -> Value {
    let full = closed(
        json!({
            "group": group,
            "role": words(Role::ALL.iter().map(|r| r.as_str()), "The part it played."),
            "attribution": words(
                Attribution::ALL.iter().map(|a| a.as_str()),
                "How the role is established.",
            ),
        }),
        &["group"],
    );
    json!({"oneOf": [group, full]})
}

/// `fatalities:` or `injured:`.
pub(super) fn figures(what: &str) -> Value {
    let count = json!({"type": "integer", "minimum": 0});
    let claim = closed(
        json!({
            "count": count,
            "who": words(Who::ALL.iter().map(|w| w.as_str()), "Who they were."),
            "by": text("Who reported the figure: a group, an outlet, an official."),
            "source": nullable(json!({"type": "string", "description": "A source id of this report."})),
        }),
        &["count", "by"],
    );
    let mut schema = closed(
        json!({
            "best": nullable(count.clone()),
            "low": nullable(count.clone()),
            "high": nullable(count),
            "claims": {"type": "array", "items": claim},
        }),
        &[],
    );
    schema["description"] = json!(format!(
        "{what}: the editor's figures and every reported claim, never summed."
    ));
    schema
}

/// One entry of `claims:`.
pub(super) fn claim() -> Value {
    closed(
        json!({
            "by": text("Who asserts it."),
            "text": text("What is asserted."),
            "source": nullable(json!({"type": "string", "description": "A source id of this report."})),
            "disputed": {"type": "boolean"},
            "credibility": nullable(json!({
                "type": "integer",
                "minimum": Credibility::RANGE.start(),
                "maximum": Credibility::RANGE.end(),
                "description": "Admiralty code: 1 confirmed … 6 cannot be judged.",
            })),
        }),
        &["by", "text"],
    )
}

/// One entry of `sources:`.
pub(super) fn source() -> Value {
    let web = |what: &str| {
        nullable(json!({"type": "string", "pattern": "^https?://", "description": what}))
    };
    closed(
        json!({
            "id": nullable(json!({"type": "string", "description": "What claims point at; s1, s2, … by default."})),
            "name": text("Who published it."),
            "url": web("The story's address."),
            "archive_url": web("An archived copy's address."),
            "published": nullable(date("When it was published.")),
            "type": nullable(words(SourceType::ALL.iter().map(|t| t.as_str()), "What kind of outlet.")),
            "last_verified": nullable(date("When an editor last opened it.")),
            "sha256": nullable(json!({
                "type": "string",
                "pattern": "^[0-9a-fA-F]{64}$",
                "description": "SHA-256 of the archived copy.",
            })),
            "reliability": nullable(words(
                Reliability::ALL.iter().map(|r| r.as_str()),
                "Admiralty code: A reliable … F cannot be judged.",
            )),
        }),
        &["name"],
    )
}

/// One entry of `revisions:`.
pub(super) fn revision() -> Value {
    closed(
        json!({"date": date("When."), "note": text("What changed.")}),
        &["date", "note"],
    )
}

/// An object of exactly `properties`, with `required` keys.
fn closed(properties: Value, required: &[&str]) -> Value {
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}
