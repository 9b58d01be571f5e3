#!/usr/bin/env python3
"""Checks the interface catalogues in i18n/ against each other and against the templates.

    python3 tests/i18n_keys.py

- en.yaml, fr.yaml and ar.yaml have exactly the same key paths (a plural message counts
  as one key; its categories are checked on their own);
- every plural message has `other`; English and French have `one` and `other`, Arabic all
  six CLDR categories (zero, one, two, few, many, other), and no language has others;
- every French and Arabic string has the same {placeholders} as the English one (a plural
  form may leave out {n}: Arabic writes "حادثتان", not "2 حادثة"), and every `_html`
  string the same markup tags;
- lists (the month names) have as many items in every language;
- every `t.…` path and every `plural(key="…")` in templates/*.html exists in en.yaml: a
  path printed as is must be a string, `t.a.b[expr]` needs `t.a.b` to be a map, and
  `plural(key=…)` a plural message;
- when the sources are there, `vocab` has every word of src/domain/vocabulary.rs,
  `columns` every column of each table in src/publish/columns/ and `data.files` every site-wide file
  of src/publish/exports.rs.

Needs PyYAML; without it, says so and exits 0.
"""

import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    print("i18n_keys: PyYAML is not installed (pip install pyyaml); catalogues not checked.")
    sys.exit(0)

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "ar")
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
REQUIRED = {"en": {"one", "other"}, "fr": {"one", "other"}, "ar": CATEGORIES}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
# `t.` not preceded by a word character or a dot (so `incident.title` is not `t.title`).
T_PATH = re.compile(r"(?<![\w.])t((?:\.[A-Za-z_][A-Za-z0-9_]*)+)(\[)?")
PLURAL_CALL = re.compile(r"""plural\(\s*key\s*=\s*["']([^"']+)["']""")

problems = []


def problem(message):
    problems.append(message)


def is_plural(value):
    """A plural message: a map whose keys are CLDR categories, `other` among them."""
    return (
        isinstance(value, dict)
        and bool(value)
        and set(value) <= CATEGORIES
        and all(isinstance(form, str) for form in value.values())
    )


def looks_plural(value):
    """A map that was probably meant as a plural message (for clearer errors)."""
    return isinstance(value, dict) and bool(value) and set(value) <= CATEGORIES


def leaves(tree, prefix=()):
    """Every key path of `tree` with its value; plural messages are leaves."""
    if isinstance(tree, dict) and not looks_plural(tree):
        for key, value in tree.items():
            yield from leaves(value, prefix + (str(key),))
    else:
        yield prefix, tree


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def tags(text):
    return sorted(TAG.findall(text))


def lookup(tree, path):
    node = tree
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None, False
        node = node[part]
    return node, True


def load(language):
    path = ROOT / "i18n" / f"{language}.yaml"
    try:
        with open(path, encoding="utf-8") as file:
            data = yaml.safe_load(file)
    except (OSError, yaml.YAMLError) as error:
        problem(f"{path.relative_to(ROOT)}: cannot read: {error}")
        return None
    if not isinstance(data, dict):
        problem(f"{path.relative_to(ROOT)}: not a map of sections")
        return None
    return data


def check_plurals(language, catalogue):
    for path, value in leaves(catalogue):
        if not looks_plural(value):
            continue
        name = ".".join(path)
        keys = set(value)
        if "other" not in keys:
            problem(f"{language}.yaml: {name}: plural message without `other`")
        missing = REQUIRED[language] - keys - {"other"}
        extra = keys - REQUIRED[language]
        if missing:
            problem(f"{language}.yaml: {name}: plural message lacks {', '.join(sorted(missing))}")
        if extra:
            problem(f"{language}.yaml: {name}: {', '.join(sorted(extra))} is not a plural category of {language}")
        for category, form in value.items():
            if not isinstance(form, str):
                problem(f"{language}.yaml: {name}.{category}: not a string")


def check_same_keys(catalogues):
    english = dict(leaves(catalogues["en"]))
    for language in LANGUAGES[1:]:
        other = dict(leaves(catalogues[language]))
        for path in sorted(set(english) - set(other)):
            problem(f"{language}.yaml: missing {'.'.join(path)}")
        for path in sorted(set(other) - set(english)):
            problem(f"{language}.yaml: {'.'.join(path)} is not in en.yaml")
        for path in sorted(set(english) & set(other)):
            check_value(language, ".".join(path), english[path], other[path])


def check_value(language, name, english, translated):
    """Same shape, same placeholders, same markup."""
    where = f"{language}.yaml: {name}"
    if looks_plural(english):
        if not looks_plural(translated):
            problem(f"{where}: a plural message in en.yaml, not here")
            return
        expected = placeholders(english.get("other", "")) - {"n"}
        for category, form in translated.items():
            if not isinstance(form, str):
                continue
            found = placeholders(form)
            if found - {"n"} != expected or ("n" in found and "n" not in placeholders(english.get("other", ""))):
                problem(f"{where}.{category}: placeholders {sorted(found)}, en.yaml has {sorted(expected | {'n'})}")
        return
    if isinstance(english, list):
        if not isinstance(translated, list) or len(translated) != len(english):
            problem(f"{where}: a list of {len(english)} in en.yaml")
            return
        for index, (a, b) in enumerate(zip(english, translated)):
            check_value(language, f"{name}[{index}]", a, b)
        return
    if isinstance(english, str):
        if not isinstance(translated, str):
            problem(f"{where}: a string in en.yaml, {type(translated).__name__} here")
            return
        if not translated.strip():
            problem(f"{where}: empty")
        if placeholders(english) != placeholders(translated):
            problem(
                f"{where}: placeholders {sorted(placeholders(translated))}, "
                f"en.yaml has {sorted(placeholders(english))}"
            )
        if name.endswith("_html") and tags(english) != tags(translated):
            problem(f"{where}: markup {tags(translated)}, en.yaml has {tags(english)}")
        return
    if type(english) is not type(translated):
        problem(f"{where}: {type(english).__name__} in en.yaml, {type(translated).__name__} here")


def check_templates(english):
    folder = ROOT / "templates"
    templates = sorted(folder.glob("*.html"))
    if not templates:
        problem("templates/: no templates found")
    for template in templates:
        text = template.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            where = f"templates/{template.name}:{number}"
            for match in T_PATH.finditer(line):
                path = tuple(match.group(1).lstrip(".").split("."))
                subscript = match.group(2) is not None
                value, found = lookup(english, path)
                name = "t." + ".".join(path)
                if not found:
                    problem(f"{where}: {name} is not in en.yaml")
                elif subscript:
                    if not isinstance(value, dict) or looks_plural(value):
                        problem(f"{where}: {name}[…] needs {name} to be a map")
                elif is_plural(value):
                    problem(f"{where}: {name} is a plural message: use plural(key=\"{'.'.join(path)}\", n=…)")
                elif not isinstance(value, str):
                    problem(f"{where}: {name} is a {type(value).__name__}, not a string")
            for key in PLURAL_CALL.findall(line):
                value, found = lookup(english, tuple(key.split(".")))
                if not found:
                    problem(f"{where}: plural(key=\"{key}\") is not in en.yaml")
                elif not is_plural(value):
                    problem(f"{where}: plural(key=\"{key}\") is not a plural message")


def check_sources(english):
    """The vocabularies and the column dictionary against the Rust sources, when present."""
    vocabulary = ROOT / "src" / "domain" / "vocabulary.rs"
    sections = {
        "EventType": "event_type",
        "DatePrecision": "date_precision",
        "LocationPrecision": "location_precision",
        "Role": "role",
        "Attribution": "attribution",
        "Who": "who",
        "SourceType": "source_kind",
        "Status": "status",
        "GroupKind": "group_kind",
        "Reliability": "reliability",
    }
    if vocabulary.exists():
        text = vocabulary.read_text(encoding="utf-8")
        for block in re.finditer(r"vocabulary!\s*\{.*?\b([A-Z]\w*)\s*\{(.*?)\n\s*\}\s*\n\}", text, re.S):
            section = sections.get(block.group(1))
            if section is None:
                continue
            words = re.findall(r'=\s*"([^"]+)"', block.group(2))
            have = english.get("vocab", {}).get(section, {})
            for word in words:
                if word not in have:
                    problem(f"en.yaml: vocab.{section} lacks `{word}` ({block.group(1)} in vocabulary.rs)")
    # Each table of the data package is a file of src/publish/columns/ that lists its
    # columns in COLUMNS and names its resource (incidents and events: the file's name).
    for path in sorted((ROOT / "src" / "publish" / "columns").glob("*.rs")):
        text = path.read_text(encoding="utf-8")
        resource = re.search(r'resource:\s*"([^"]+)"', text)
        block = re.search(r"const COLUMNS[^=]*=\s*&\[(.*?)\];", text, re.S)
        if not block:
            continue
        section = resource.group(1) if resource else path.stem
        names = re.findall(r'column\(\s*"([^"]+)"', block.group(1))
        have = english.get("columns", {}).get(section, {})
        for name in names:
            if name not in have:
                problem(f"en.yaml: columns.{section} lacks `{name}` (COLUMNS in {path.name})")
        for name in have:
            if name not in names:
                problem(f"en.yaml: columns.{section}.{name} is not a column of {path.name}")
    exports = ROOT / "src" / "publish" / "exports.rs"
    if exports.exists():
        text = exports.read_text(encoding="utf-8")
        block = re.search(r"SITE_WIDE[^=]*=\s*\[(.*?)\];", text, re.S)
        names = re.findall(r'name:\s*"([^"]+)"', block.group(1)) if block else []
        names += re.findall(r'let name = "([^"]+)";', text)
        have = english.get("data", {}).get("files", {})
        for name in names:
            if name not in have:
                problem(f"en.yaml: data.files lacks `{name}` (a site-wide file of exports.rs)")


def main():
    catalogues = {language: load(language) for language in LANGUAGES}
    if all(catalogue is not None for catalogue in catalogues.values()):
        for language, catalogue in catalogues.items():
            check_plurals(language, catalogue)
        check_same_keys(catalogues)
    if catalogues["en"] is not None:
        check_templates(catalogues["en"])
        check_sources(catalogues["en"])
    if problems:
        for message in problems:
            print(message)
        print(f"i18n_keys: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return 1
    keys = sum(1 for _ in leaves(catalogues["en"]))
    print(f"i18n_keys: en, fr and ar agree ({keys} keys); every template path exists")
    return 0


if __name__ == "__main__":
    sys.exit(main())
