//! Slugs: the URL-safe names of pages, derived from registry names and file names.

/// Lower case, accents folded, every run of other characters turned into one `-`.
///
/// `Dioïla` gives `dioila`; `Jama'at Nusrat` gives `jama-at-nusrat`.
pub fn slugify(name: &str) -> String {
    slug::slugify(name)
}

/// The key two names are compared by: two names match when their keys are equal,
/// which ignores case, accents and punctuation.
pub fn match_key(name: &str) -> String {
    slugify(name)
}

/// True when `slug` is safe as one path segment: `a-z`, `0-9` and inner `-` only,
/// so it can never climb out of the output folder.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The longest slug, in bytes: a page is `SLUG/index.html` under a few folders, and file
/// systems refuse names past 255 bytes and (on Windows) paths past 260.
pub const MAX_SLUG_BYTES: usize = 120;

/// Whether `slug` makes a folder every file system takes: not too long, and not a name
/// Windows reserves for devices (a clone of the site would fail there). The reason if not.
pub fn fits_every_file_system(slug: &str) -> Result<(), String> {
    if slug.len() > MAX_SLUG_BYTES {
        return Err(format!(
            "is {} characters long; slugs are limited to {MAX_SLUG_BYTES}",
            slug.len()
        ));
    }
    let reserved = matches!(slug, "con" | "prn" | "aux" | "nul")
        || (slug.len() == 4
            && (slug.starts_with("com") || slug.starts_with("lpt"))
            && slug.as_bytes()[3].is_ascii_digit());
    if reserved {
        return Err(
            "is a name Windows reserves for a device, so the site could not be \
                    checked out there"
                .to_string(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(slugify("Dioïla"), "dioila");
        assert_eq!(slugify("Ségou"), "segou");
        assert_eq!(
            slugify("Jama'at Nusrat al-Islam"),
            "jama-at-nusrat-al-islam"
        );
        assert_eq!(
            slugify("violence against civilians"),
            "violence-against-civilians"
        );
    }

    #[test]
    fn slugs_cannot_hold_path_parts() {
        assert!(is_valid_slug("2025-07-01-kayes"));
        assert!(!is_valid_slug("../../x"));
        assert!(!is_valid_slug("a/b"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("Caps"));
    }

    #[test]
    fn slugs_fit_every_file_system() {
        assert!(fits_every_file_system("2025-07-01-kayes").is_ok());
        assert!(fits_every_file_system(&"a".repeat(MAX_SLUG_BYTES + 1)).is_err());
        for reserved in ["con", "nul", "aux", "prn", "com1", "lpt9"] {
            assert!(fits_every_file_system(reserved).is_err(), "{reserved}");
        }
        assert!(fits_every_file_system("console").is_ok());
    }

    #[test]
    fn names_match_ignoring_case_and_accents() {
        assert_eq!(match_key("DIOILA"), match_key("Dioïla"));
    }
}
