//! The schema's keys are the front matter structs' keys, read from serde's own list of
//! each struct's fields, so a key added to one and not the other fails here.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::Value;

use super::front_matter_schema;
use crate::domain::grades::Grades;
use crate::load::schema::{
    FrontMatter, RawAssertion, RawCasualtyClaim, RawFigures, RawLocation, RawRevision, RawSource,
};

/// A deserializer that only records the fields a derived struct asks for.
struct FieldNames<'a>(&'a mut Vec<&'static str>);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.extend(fields);
        Err(de::Error::custom("fields recorded"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

fn fields_of<'de, T: Deserialize<'de>>() -> Vec<&'static str> {
    let mut fields = Vec::new();
    let _ = T::deserialize(FieldNames(&mut fields));
    fields.sort_unstable();
    fields
}

fn keys(schema: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = schema["properties"]
        .as_object()
        .expect("an object schema")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// The object schema inside `schema`, through `anyOf` with null and list `items`.
fn object(schema: &Value) -> &Value {
    if let Some(items) = schema.get("items") {
        return object(items);
    }
    match schema.get("anyOf").or_else(|| schema.get("oneOf")) {
        Some(choices) => choices
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c.get("properties").is_some() || c.get("items").is_some())
            .map(object)
            .expect("an object among the choices"),
        None => schema,
    }
}

#[test]
fn the_schema_has_exactly_the_keys_the_front_matter_reads() {
    let schema = front_matter_schema(&Grades::default(), None);
    let p = &schema["properties"];
    assert_eq!(keys(&schema), fields_of::<FrontMatter>());
    assert_eq!(keys(object(&p["locations"])), fields_of::<RawLocation>());
    assert_eq!(keys(object(&p["fatalities"])), fields_of::<RawFigures>());
    let claims = &object(&p["fatalities"])["properties"]["claims"];
    assert_eq!(keys(object(claims)), fields_of::<RawCasualtyClaim>());
    assert_eq!(keys(object(&p["claims"])), fields_of::<RawAssertion>());
    assert_eq!(keys(object(&p["sources"])), fields_of::<RawSource>());
    assert_eq!(keys(object(&p["revisions"])), fields_of::<RawRevision>());
}

#[test]
fn the_schema_is_a_draft_2020_12_schema() {
    let schema = front_matter_schema(&Grades::default(), None);
    assert!(jsonschema::draft202012::meta::is_valid(&schema));
    let grades = &schema["properties"]["confidence"]["anyOf"][0]["enum"];
    assert_eq!(grades[2], "weak");
}

#[test]
fn accents_are_taken_off_latin_letters_only() {
    assert_eq!(super::without_accents("Dioïla"), "Dioila");
    assert_eq!(super::without_accents("Ségou"), "Segou");
    assert_eq!(super::without_accents("Éko"), "Eko");
    assert_eq!(super::without_accents("تمبكتو"), "تمبكتو");
}
