//! Tests of the search index, read back as `search.js` would: postings, tiers, shards and
//! the files a query loads.

use serde_json::Value;

use super::shards::shard_of;

use super::*;

fn report(url: &str, date: &str, title: &str) -> SearchDoc {
    SearchDoc {
        url: format!("/sub/incidents/{url}/"),
        title: title.to_string(),
        date: date.to_string(),
        date_label: date.to_string(),
        place: "Kayes, Mali".to_string(),
        places: vec!["Kayes".to_string(), "Mali".to_string()],
        summary: "Two army posts came under fire.".to_string(),
        body_text: "The army said the attackers withdrew.".to_string(),
        ..SearchDoc::default()
    }
}

fn facets() -> Facets {
    let facet = |key: &str, name: &str| Facet {
        key: key.to_string(),
        name: name.to_string(),
    };
    Facets {
        countries: vec![facet("mali", "Mali"), facet("niger", "Niger")],
        regions: vec![facet("mali/kayes", "Kayes")],
        groups: vec![facet("jnim", "JNIM"), facet("fama", "FAMa")],
        types: vec![facet("attack", "Attack")],
        grades: vec![facet("fair", "Fair"), facet("weak", "Weak")],
    }
}

fn json(files: &[(String, Vec<u8>)], path: &str) -> Value {
    let (_, bytes) = files.iter().find(|(p, _)| p == path).expect(path);
    serde_json::from_slice(bytes).expect("index files are JSON")
}

/// Reads postings back as `search.js` does: (report number, tier) pairs.
fn decode(encoded: &Value) -> Vec<(u32, u8)> {
    let mut next = 0;
    let values = encoded.as_array().expect("postings are an array");
    values
        .iter()
        .map(|v| {
            let v = v.as_u64().expect("postings are numbers") as u32;
            let number = next + v / 3;
            next = number + 1;
            (number, (v % 3) as u8)
        })
        .collect()
}

/// The postings of `term`, found through `meta.json` and its shard.
fn lookup(files: &[(String, Vec<u8>)], term: &str) -> Vec<(u32, u8)> {
    let meta = json(files, "meta.json");
    let keys: Vec<String> = serde_json::from_value(meta["shards"].clone()).unwrap();
    let Some(shard) = term
        .char_indices()
        .rev()
        .find_map(|(at, c)| keys.iter().position(|k| *k == term[..at + c.len_utf8()]))
    else {
        return Vec::new();
    };
    let shard = json(files, &format!("terms/{shard}.json"));
    shard.get(term).map(decode).unwrap_or_default()
}

#[test]
fn search_js_splits_words_as_the_index_does() {
    let script = include_str!("../../static/search.js");
    for line in words::LATIN_FOLDS {
        assert!(script.contains(line), "static/search.js lacks {line}");
    }
    assert!(script.contains(r"'\u2018\u2019\u02BC\u02BE\u02BF"));
    // The Arabic tables, as search.js writes them: letters as \u escapes, marks as
    // [first, last] code point pairs.
    let escaped = |letters: &mut dyn Iterator<Item = char>| -> String {
        letters
            .map(|c| format!("\\u{:04X}", u32::from(c)))
            .collect()
    };
    let from = escaped(&mut words::ARABIC_FOLDS.iter().map(|&(from, _)| from));
    let to = escaped(&mut words::ARABIC_FOLDS.iter().map(|&(_, to)| to));
    assert!(
        script.contains(&format!("const ARABIC_FROM = '{from}';")),
        "{from}"
    );
    assert!(
        script.contains(&format!("const ARABIC_TO = '{to}';")),
        "{to}"
    );
    let marks: Vec<String> = words::ARABIC_MARKS
        .iter()
        .map(|(first, last)| format!("[0x{first:x}, 0x{last:x}]"))
        .collect();
    let marks = format!("const ARABIC_MARKS = [{}];", marks.join(", "));
    assert!(script.contains(&marks), "{marks}");
    assert!(script.contains(&format!("const BODY_PREFIX_CHARS = {BODY_PREFIX_CHARS};")));
    assert!(script.contains(&format!("const FORMAT = {FORMAT};")));
}

#[test]
fn group_alias_finds_the_report() {
    let mut doc = report("a", "2025-07-01", "Attack on army posts");
    doc.group_names = vec![
        "JNIM".to_string(),
        "Jama'at Nusrat al-Islam wal-Muslimin".to_string(),
        "GSIM".to_string(),
    ];
    let files = build(&[doc], &facets());
    assert_eq!(lookup(&files, "gsim"), [(0, TIER_NAME)]);
    assert_eq!(lookup(&files, "jamaat"), [(0, TIER_NAME)]);
    assert_eq!(lookup(&files, "muslimin"), [(0, TIER_NAME)]);
}

#[test]
fn tiers_rank_title_above_names_above_body() {
    let files = build(
        &[report("a", "2025-07-01", "Army posts attacked")],
        &facets(),
    );
    assert_eq!(lookup(&files, "army"), [(0, TIER_TITLE)]);
    assert_eq!(lookup(&files, "kayes"), [(0, TIER_NAME)]);
    assert_eq!(lookup(&files, "withdrew"), [(0, TIER_BODY)]);
    assert!(
        lookup(&files, "the").is_empty(),
        "stop words are not indexed"
    );
    let meta = json(&files, "meta.json");
    assert!(meta["stop"]
        .as_array()
        .unwrap()
        .contains(&Value::from("the")));
}

#[test]
fn each_language_leaves_out_its_own_function_words() {
    let mut doc = report("a", "2025-07-01", "Les soldats in the town");
    doc.summary = "هجوم في المدينة".to_string();
    let docs = [doc];
    let english = build_in("en", &docs, &facets());
    let french = build_in("fr", &docs, &facets());
    let arabic = build_in("ar", &docs, &facets());
    assert!(lookup(&english, "the").is_empty());
    assert_eq!(lookup(&english, "les"), [(0, TIER_TITLE)]);
    assert!(lookup(&french, "les").is_empty());
    assert_eq!(lookup(&french, "the"), [(0, TIER_TITLE)]);
    // "les" is a word like any other on the Arabic site, and "في" (in) is not one.
    assert_eq!(lookup(&arabic, "les"), [(0, TIER_TITLE)]);
    assert!(lookup(&arabic, "في").is_empty());
    assert_eq!(lookup(&arabic, "المدينه"), [(0, TIER_BODY)]);
    assert_eq!(lookup(&english, "في"), [(0, TIER_BODY)]);
    // An unknown language keeps every word.
    assert_eq!(
        lookup(&build_in("ha", &docs, &facets()), "the"),
        [(0, TIER_TITLE)]
    );
}

#[test]
fn meta_lists_the_stop_words_of_the_index_it_describes() {
    let docs = [report("a", "2025-07-01", "Attack")];
    let stop = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        serde_json::from_value(json(files, "meta.json")["stop"].clone()).unwrap()
    };
    let (english, arabic) = (
        stop(&build(&docs, &facets())),
        stop(&build_in("ar", &docs, &facets())),
    );
    assert!(english.contains(&"the".to_string()) && !english.contains(&"les".to_string()));
    assert!(arabic.contains(&"في".to_string()) && !arabic.contains(&"the".to_string()));
    assert!(stop(&build_in("ha", &docs, &facets())).is_empty());
    // The default index is English, as it was before each language had its own.
    assert_eq!(
        Inverted::default().stop.words(),
        Inverted::for_language("en").stop.words()
    );
}

#[test]
fn arabic_is_found_however_it_is_vowelled_or_spelled() {
    let mut doc = report("a", "2025-07-01", "الْمَدْرَسَةُ");
    doc.summary = "أمن الطرق إلى القرية".to_string();
    let files = build_in("ar", &[doc], &facets());
    assert_eq!(lookup(&files, "المدرسه"), [(0, TIER_TITLE)]);
    assert_eq!(lookup(&files, "امن"), [(0, TIER_BODY)]);
    assert_eq!(lookup(&files, "القريه"), [(0, TIER_BODY)]);
    assert!(lookup(&files, "الي").is_empty(), "إلى is a function word");
}

#[test]
fn accents_and_case_are_folded() {
    let files = build(&[report("a", "2025-07-01", "Raid near DIOÏLA")], &facets());
    assert_eq!(lookup(&files, "dioila"), [(0, TIER_TITLE)]);
}

#[test]
fn reports_are_numbered_newest_first() {
    let docs = [
        report("old", "2024-12-31", "Old"),
        report("new", "2025-07-01", "New"),
        report("also-new", "2025-07-01", "Also new"),
        report("new-2", "2025-07-01", "New again"),
    ];
    let files = build(&docs, &facets());
    let meta = json(&files, "meta.json");
    assert_eq!(meta["url_prefix"], "/sub/incidents/");
    assert_eq!(meta["count"], 4);
    let records = json(&files, "docs/0.json");
    let urls: Vec<&str> = records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    // Same day: by slug, as the site's lists are ("new" before "new-2").
    assert_eq!(urls, ["also-new/", "new/", "new-2/", "old/"]);
    assert_eq!(
        json(&files, "filters/date.json"),
        serde_json::json!([20250701, 0, 0, 9470])
    );
    assert_eq!(
        lookup(&files, "new"),
        [(0, TIER_TITLE), (1, TIER_TITLE), (2, TIER_TITLE)]
    );
}

#[test]
fn filters_and_short_prefixes_have_one_entry_per_report() {
    let mut jnim = report("a", "2025-07-01", "Attack");
    jnim.group_names = vec!["JNIM".to_string()];
    (jnim.groups, jnim.regions, jnim.event_type) = (vec![0, 1], vec![0], Some(0));
    jnim.confidence = Some(1);
    let mut other = report("b", "2025-06-01", "Clash");
    other.country = 1;
    let files = build(&[jnim, other], &facets());
    assert_eq!(
        json(&files, "filters/country.json"),
        serde_json::json!([0, 1])
    );
    assert_eq!(
        json(&files, "filters/group.json"),
        serde_json::json!([[0, 1], []])
    );
    assert_eq!(
        json(&files, "filters/type.json"),
        serde_json::json!([0, null])
    );
    assert_eq!(
        json(&files, "filters/confidence.json"),
        serde_json::json!([1, null])
    );
    let meta = json(&files, "meta.json");
    assert_eq!(
        meta["facets"]["confidence"],
        serde_json::json!([["fair", "Fair"], ["weak", "Weak"]])
    );
    assert_eq!(
        meta["facets"]["region"],
        serde_json::json!([["mali/kayes", "Kayes"]])
    );
    let prefixes: Vec<String> = serde_json::from_value(meta["prefixes"].clone()).unwrap();
    for prefix in ["j", "jn"] {
        let at = prefixes.iter().position(|p| p == prefix).unwrap();
        let path = format!("prefixes/{at}.json");
        assert_eq!(decode(&json(&files, &path)), [(0, TIER_NAME)], "{prefix}");
    }
    assert!(!prefixes.contains(&"jni".to_string()));
    // "army" is only in the body text: no short prefix leads to it.
    assert!(!prefixes.contains(&"ar".to_string()));
}

#[test]
fn output_is_the_same_whatever_the_input_order() {
    let docs: Vec<SearchDoc> = synthetic(300);
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(build(&docs, &facets()), build(&reversed, &facets()));
}

/// Budget for 10,000 reports of 250 body words each: under 10 MB in all, 4 bytes a body
/// word (most of it postings, loaded a shard at a time; 6.9 MB when written),
/// `meta.json` under 16 KB, no shard of more than one term past [`SHARD_BYTES`], and
/// every `docs/` chunk under 8 KB.
#[test]
fn ten_thousand_reports_stay_within_budget() {
    let files = build(&synthetic(10_000), &facets());
    let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    assert!(total < 10_000_000, "index is {total} bytes");
    let meta = json(&files, "meta.json");
    assert!(
        files[0].1.len() < 16_000,
        "meta.json is {} bytes",
        files[0].1.len()
    );
    let keys: Vec<String> = serde_json::from_value(meta["shards"].clone()).unwrap();
    for (path, bytes) in &files {
        if path.starts_with("terms/") {
            let shard = json(&files, path);
            let terms = shard.as_object().unwrap();
            assert!(
                bytes.len() <= SHARD_BYTES || terms.len() == 1,
                "{path} too big"
            );
            let key = &keys[path[6..path.len() - 5].parse::<usize>().unwrap()];
            assert!(terms.keys().all(|t| keys[shard_of(&keys, t)] == *key));
        }
        if path.starts_with("docs/") {
            assert!(bytes.len() < 8_000, "{path} is {} bytes", bytes.len());
        }
    }
    assert!(lookup(&files, "jnim").len() > 1000);
}

/// `count` reports with a Zipf-like vocabulary: a few words in most reports, a long tail
/// in few, as in real text.
fn synthetic(count: usize) -> Vec<SearchDoc> {
    let mut seed: u64 = 42;
    let mut next = move |below: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % below
    };
    let syllables = [
        "ka", "ye", "mo", "ti", "ba", "gou", "sa", "hel", "ni", "dar", "lo",
    ];
    let vocabulary: Vec<String> = (0..5000)
        .map(|n| {
            let mut word = String::new();
            let mut n = n + 11;
            while n > 0 {
                word.push_str(syllables[n % syllables.len()]);
                n /= syllables.len();
            }
            word
        })
        .collect();
    (0..count)
        .map(|n| {
            let mut pick = || {
                let r = next(1000) as f64 / 1000.0;
                vocabulary[(r * r * r * vocabulary.len() as f64) as usize].as_str()
            };
            let title: Vec<&str> = (0..7).map(|_| pick()).collect();
            let body: Vec<&str> = (0..250).map(|_| pick()).collect();
            let mut doc = report(
                &format!("{:05}-{}", n, title[0]),
                &format!("20{:02}-{:02}-{:02}", 10 + n % 15, 1 + n % 12, 1 + n % 28),
                &title.join(" "),
            );
            doc.body_text = body.join(" ");
            doc.group_names = vec!["JNIM".to_string(), "GSIM".to_string()];
            doc
        })
        .collect()
}
