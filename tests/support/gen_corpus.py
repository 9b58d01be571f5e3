#!/usr/bin/env python3
"""Write a complete synthetic incidex site with N valid reports, for browser and load tests.

    python3 tests/support/gen_corpus.py N DIR [--seed S] [--repo PATH] [--edge-cases]

DIR gets:
  site.yaml                  the repository's, with base_url http://127.0.0.1/
  content/regions.yaml       copied from the repository's content/
  content/groups.yaml        copied from the repository's content/
  content/incidents/YYYY/*.md  N reports, valid per SPEC.md section 1 ("An incident report")
  content/incidents/2025/edge-*.md  with --edge-cases: besides the N reports, the fixed
                             reports of edge_cases.py that sit on the edges of the data
                             exports (several places and regions, responders only, ';' and
                             '\\' in names, formula-like text, ids that look like event ids)
  corpus.json                what was generated, for tests to check pages against: every
                             report's slug, title, dates, country and region slugs, and its
                             actors by canonical group name (whatever name or alias the file
                             uses). incidex reads none of it.

The same N and seed always give byte-identical output. Python 3 standard library only: the
registries are read with a small reader for the layout of the repository's own YAML files,
and reports are written by hand with every string double-quoted (JSON escaping, which is
valid YAML).

Places lie near their region's `center` (inside the region's `bounds` when regions.yaml
gives one) and always inside the country's `bounds`, so `incidex check --strict` passes.
Some places are region-level (`precision: region`, on the centre). Actors are named by
their registry name or, about one time in four, by an alias (GSIM for JNIM, ...). Text
that mentions a group only ever appears in a report that has that group among its actors,
so a text search for an alias finds exactly that group's reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import unicodedata

# --------------------------------------------------------------------------------------
# Slugs, as incidex makes them (lower case, accents folded, other runs to one '-').
# --------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


# --------------------------------------------------------------------------------------
# A reader for the registries' layout: block mappings, block lists of mappings and of
# scalars, flow lists of scalars or of flow lists of numbers, comments, folded scalars.
# It is not a YAML parser; it reads what content/regions.yaml and content/groups.yaml
# hold and fails loudly on anything else.
# --------------------------------------------------------------------------------------


def _scalar(text: str):
    text = text.strip()
    if text.startswith('"') and text.endswith('"') and len(text) >= 2:
        return json.loads(text)
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return text[1:-1].replace("''", "'")
    if text.startswith("["):
        return _flow_list(text)
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text) if "." in text else int(text)
    return text


def _flow_list(text: str):
    """Parse `[a, b]`, `[[1, 2], [3, 4]]`, `['x, y', z]`."""
    pos = 0

    def parse():
        nonlocal pos
        assert text[pos] == "["
        pos += 1
        items = []
        while True:
            while pos < len(text) and text[pos] in " \t":
                pos += 1
            if text[pos] == "]":
                pos += 1
                return items
            if text[pos] == "[":
                items.append(parse())
            elif text[pos] in "\"'":
                quote = text[pos]
                end = pos + 1
                while True:
                    end = text.index(quote, end)
                    if quote == '"' and text[end - 1] == "\\":
                        end += 1
                        continue
                    if quote == "'" and end + 1 < len(text) and text[end + 1] == "'":
                        end += 2
                        continue
                    break
                items.append(_scalar(text[pos : end + 1]))
                pos = end + 1
            else:
                end = pos
                while text[end] not in ",]":
                    end += 1
                items.append(_scalar(text[pos:end]))
                pos = end
            while text[pos] in " \t":
                pos += 1
            if text[pos] == ",":
                pos += 1

    value = parse()
    rest = text[pos:].strip()
    if rest and not rest.startswith("#"):
        raise ValueError(f"unexpected text after a flow list: {rest!r}")
    return value


def _strip_comment(line: str) -> str:
    # A '#' starts a comment when it begins the line or follows a space, outside quotes.
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'" and (i == 0 or line[i - 1] in " [,:"):
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def read_registry(path: str):
    """Read a registry file into nested dicts and lists."""
    with open(path, encoding="utf-8") as f:
        raw = f.read().split("\n")
    lines = []  # (indent, text) with comments and blank lines gone, folded scalars joined
    i = 0
    while i < len(raw):
        text = _strip_comment(raw[i])
        if not text.strip():
            i += 1
            continue
        indent = len(text) - len(text.lstrip(" "))
        body = text.strip()
        m = re.match(r"^(- )?([A-Za-z_][A-Za-z0-9_ ]*):\s*([>|][-+]?)$", body)
        if m:  # a block scalar: gather the more-indented lines below
            parts = []
            j = i + 1
            while j < len(raw) and (
                not raw[j].strip() or len(raw[j]) - len(raw[j].lstrip(" ")) > indent
            ):
                parts.append(raw[j].strip())
                j += 1
            joined = " ".join(p for p in parts if p)
            lines.append((indent, f"{m.group(1) or ''}{m.group(2)}: {json.dumps(joined)}"))
            i = j
            continue
        lines.append((indent, body))
        i += 1

    pos = 0

    def parse_block(indent):
        nonlocal pos
        if lines[pos][1].startswith("- ") or lines[pos][1] == "-":
            return parse_list(indent)
        return parse_map(indent)

    def parse_map(indent, first=None):
        nonlocal pos
        out = {}
        if first is not None:
            key, value = first
            out[key] = value
        while pos < len(lines) and lines[pos][0] == indent and not lines[pos][1].startswith("- "):
            key, _, rest = lines[pos][1].partition(":")
            pos += 1
            rest = rest.strip()
            if rest:
                out[key.strip()] = _scalar(rest)
            elif pos < len(lines) and (
                lines[pos][0] > indent or (lines[pos][0] == indent and lines[pos][1].startswith("- "))
            ):
                out[key.strip()] = parse_block(lines[pos][0])
            else:
                out[key.strip()] = None
        return out

    def parse_list(indent):
        nonlocal pos
        out = []
        while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("- "):
            item = lines[pos][1][2:].strip()
            pos += 1
            m = re.match(r"^([A-Za-z_][A-Za-z0-9_ ]*):(\s+(.*))?$", item)
            if m:  # a mapping that starts on the dash's line
                first = (m.group(1), _scalar(m.group(3)) if m.group(3) else None)
                if first[1] is None and pos < len(lines) and lines[pos][0] > indent + 2:
                    first = (first[0], parse_block(lines[pos][0]))
                if pos < len(lines) and lines[pos][0] == indent + 2:
                    out.append(parse_map(indent + 2, first))
                else:
                    out.append({first[0]: first[1]})
            else:
                out.append(_scalar(item))
        return out

    result = parse_map(lines[0][0])
    if pos != len(lines):
        raise ValueError(f"{path}: could not read line {lines[pos]!r}")
    return result


# --------------------------------------------------------------------------------------
# Writing YAML: every string double-quoted with JSON escapes.
# --------------------------------------------------------------------------------------


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def flow_map(pairs) -> str:
    parts = []
    for key, value in pairs:
        if value is None:
            continue
        if isinstance(value, bool):
            parts.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, (int, float)):
            parts.append(f"{key}: {value}")
        elif isinstance(value, list):
            parts.append(f"{key}: [{', '.join(str(v) for v in value)}]")
        else:
            parts.append(f"{key}: {q(value)}")
    return "{" + ", ".join(parts) + "}"


# --------------------------------------------------------------------------------------
# What reports are made of.
# --------------------------------------------------------------------------------------

# Country weights and the actors plausible there: (perpetrators, state forces / targets).
COUNTRY_PROFILE = {
    "Mali": (45, ["JNIM", "ISSP", "Katiba Macina", "FLA", "Dan Na Ambassagou", "Dozo"],
             ["FAMa", "Africa Corps", "GATIA", "MSA"]),
    "Burkina Faso": (30, ["JNIM", "ISSP", "Ansaroul Islam", "Koglweogo"],
                     ["FDS Burkina Faso", "VDP"]),
    "Niger": (18, ["ISSP", "JNIM", "ISWAP", "Boko Haram"], ["FAN"]),
    "Senegal": (3, [], []),
    "Mauritania": (4, ["AQIM"], []),
}

EVENT_NOUN = {
    "attack": "an attack", "battle": "fighting", "explosion": "an explosion",
    "abduction": "an abduction", "violence against civilians": "violence against civilians",
    "protest": "a protest", "riot": "a riot", "curfew": "a curfew",
    "strategic development": "a new checkpoint or blockade",
}

VIOLENT = ["attack", "battle", "explosion", "abduction", "violence against civilians"]
CIVIL = ["protest", "riot", "curfew", "strategic development"]

OUTLETS = [
    ("Sahel Observer", "news"),
    ("Radio Horizon FM", "news"),
    ("Le Courrier du Sahel", "news"),
    ("West Africa Monitor", "news"),
    ("Niger River Gazette", "news"),
    ("Regional governor's office", "official"),
    ("Ministry of Defence", "official"),
    ("Humanitarian Access Network", "ngo"),
    ("Local community radio", "news"),
    ("Residents' posts", "social"),
]

FREE_PARTIES = ["local officials", "residents", "a hospital source", "a local elected official",
                "security sources", "a humanitarian organisation"]

SYLLABLES_A = ["Ti", "Bou", "Ka", "Dou", "Ga", "Ko", "Sa", "Ba", "Ma", "Nia", "Dia", "Sé", "Tar",
               "In", "Ta", "Mé", "Fa", "Yé", "Go", "Lé", "Zi", "Ou", "Dan", "Kou"]
SYLLABLES_B = ["ré", "ma", "bou", "go", "ni", "la", "ssa", "ndé", "gou", "dji", "ra", "tan",
               "kaï", "bé", "lé", "nga", "rou", "fo", "dou", "koro"]
SYLLABLES_C = ["", "", "", "ba", "ni", "ré", "kan", "go", "ye", "ssi"]

TITLE_FORMS = {
    "attack": ["Gunmen attack {target} post near {place}", "Attack on {target} positions around {place}",
               "Armed men raid {place}"],
    "battle": ["Clashes between {perp} and {target} near {place}", "Fighting reported around {place}"],
    "explosion": ["Roadside bomb hits convoy near {place}", "Explosive device detonates on road to {place}"],
    "abduction": ["Villagers abducted near {place}", "Kidnapping reported on the road to {place}"],
    "violence against civilians": ["Civilians killed in {place}", "Killings of civilians reported in {place}"],
    "protest": ["Residents of {place} protest over insecurity", "Demonstration in {place}"],
    "riot": ["Unrest in {place} after arrests", "Riot breaks out in {place}"],
    "curfew": ["Night curfew imposed in {region}", "Authorities restrict movement in {region}"],
    "strategic development": ["Armed group announces blockade of {place}",
                              "Checkpoint set up at the entrance of {place}"],
}


def village(rng: random.Random) -> str:
    return rng.choice(SYLLABLES_A) + rng.choice(SYLLABLES_B) + rng.choice(SYLLABLES_C)


def group_name(rng: random.Random, group: dict) -> str:
    """The name a report uses for a group: its name, or one time in four an alias."""
    aliases = [a for a in (group.get("aliases") or []) if isinstance(a, str)]
    if aliases and rng.random() < 0.25:
        return rng.choice(aliases)
    return group["name"]


def place_near(rng: random.Random, country: dict, region: dict, spread: float):
    south, west = country["bounds"][0]
    north, east = country["bounds"][1]
    if region.get("bounds"):
        (rs, rw), (rn, re_) = region["bounds"]
        south, west, north, east = max(south, rs), max(west, rw), min(north, rn), min(east, re_)
        lat = rng.uniform(south + 0.01, north - 0.01)
        lon = rng.uniform(west + 0.01, east - 0.01)
    else:
        clat, clon = region["center"]
        lat = clat + rng.uniform(-spread, spread)
        lon = clon + rng.uniform(-spread, spread)
    lat = min(max(lat, south + 0.05), north - 0.05)
    lon = min(max(lon, west + 0.05), east - 0.05)
    return round(lat, 3), round(lon, 3)


def paragraph(rng: random.Random, parts) -> str:
    text = " ".join(parts)
    # Wrap at about 95 columns like the example reports.
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > 95:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(lines)


def fmt_date(d: dt.date) -> str:
    return d.isoformat()


def human_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def make_report(rng, day, countries, groups_by_name, weights, start, used_slugs, earlier, ids):
    country = rng.choices(countries, weights=weights)[0]
    cname = country["name"]
    _, perps, states = COUNTRY_PROFILE.get(cname, (0, [], []))
    regions = country["regions"]

    date = start + dt.timedelta(days=day)
    precision = rng.choices(["day", "week", "month"], weights=[85, 8, 7])[0]
    if precision == "month":
        date = date.replace(day=1)
    end_date = None
    if precision == "day" and rng.random() < 0.08:
        end_date = date + dt.timedelta(days=rng.randint(1, 3))

    if perps:
        event_type = rng.choices(VIOLENT + CIVIL, weights=[30, 18, 10, 10, 14, 5, 3, 4, 6])[0]
    else:
        event_type = rng.choice(CIVIL)

    report_regions = [rng.choice(regions)]
    if rng.random() < 0.15 and len(regions) > 1:
        other = rng.choice(regions)
        if other is not report_regions[0]:
            report_regions.append(other)

    # Places: none, one or a few, each in one of the report's regions.
    locations = []
    count = rng.choices([0, 1, 2, 3], weights=[12, 60, 20, 8])[0]
    if event_type == "curfew":
        count = rng.choice([0, 1])
    for _ in range(count):
        region = rng.choice(report_regions)
        if rng.random() < 0.2:
            lat, lon = region["center"]
            locations.append({"name": region["name"], "region": region["name"],
                              "coordinates": [lat, lon], "precision": "region"})
        else:
            lat, lon = place_near(rng, country, region, 0.35)
            prec = rng.choices(["town", "exact", "district"], weights=[70, 15, 15])[0]
            locations.append({"name": village(rng), "region": region["name"],
                              "coordinates": [lat, lon], "precision": prec})
    place = locations[0]["name"] if locations else report_regions[0]["name"]

    # Actors: (canonical registry entry, name written, role, attribution).
    actors = []
    if perps and event_type in VIOLENT + ["strategic development"]:
        if rng.random() < 0.9:
            perp = groups_by_name[rng.choice(perps)]
            attribution = rng.choices(["confirmed", "claimed", "suspected"], weights=[50, 30, 20])[0]
            actors.append((perp, group_name(rng, perp), "perpetrator", attribution))
        if states and event_type in ("attack", "battle", "explosion") and rng.random() < 0.8:
            target = groups_by_name[rng.choice(states)]
            actors.append((target, group_name(rng, target), "target", "confirmed"))
        if states and event_type in ("violence against civilians", "abduction") and rng.random() < 0.3:
            resp = groups_by_name[rng.choice(states)]
            if all(a[0] is not resp for a in actors):
                actors.append((resp, group_name(rng, resp), "responder", "confirmed"))
    perp_name = next((a[1] for a in actors if a[2] == "perpetrator"), "unidentified gunmen")
    target_name = next((a[1] for a in actors if a[2] == "target"), "army")

    form = rng.choice(TITLE_FORMS[event_type])
    title = form.format(place=place, region=report_regions[0]["name"], perp=perp_name,
                        target=target_name)

    base = f"{fmt_date(date)}-{slugify(title)}"[:70].rstrip("-")
    slug = base
    k = 2
    while slug in used_slugs:
        slug = f"{base}-{k}"
        k += 1
    used_slugs.add(slug)

    year_key = (country["iso"], date.year)
    ids[year_key] = ids.get(year_key, 0) + 1
    report_id = f"{country['iso']}-{date.year}-{ids[year_key]:04d}"

    # Sources.
    sources = []
    for i, (name, kind) in enumerate(rng.sample(OUTLETS, rng.choices([1, 2, 3], weights=[55, 35, 10])[0])):
        published = date + dt.timedelta(days=rng.randint(0, 3))
        src = {"id": f"s{i + 1}", "name": name, "type": kind, "published": fmt_date(published)}
        if rng.random() < 0.7:
            src["url"] = f"https://example.org/{slugify(name)}/{slug}"
        sources.append(src)
    if actors and actors[0][2] == "perpetrator" and actors[0][3] == "claimed":
        sources.append({"id": f"s{len(sources) + 1}", "name": f"Statement attributed to {actors[0][1]}",
                        "type": "armed group", "published": fmt_date(date + dt.timedelta(days=1))})
    source_ids = [s["id"] for s in sources]

    # Fatalities and injuries.
    fatalities = None
    if event_type in VIOLENT and rng.random() < 0.75:
        claims = []
        for _ in range(rng.choices([1, 2], weights=[70, 30])[0]):
            if actors and rng.random() < 0.5:
                party = rng.choice(actors)[1]
            else:
                party = rng.choice(FREE_PARTIES)
            if event_type in ("violence against civilians", "abduction"):
                who = rng.choice(["civilians", "civilians", "unknown"])
            else:
                who = rng.choice(["militants", "soldiers", "civilians", "unknown"])
            claims.append({"count": rng.randint(1, 60), "who": who,
                           "by": party, "source": rng.choice(source_ids)})
        fatalities = {"claims": claims}
        if rng.random() < 0.6:
            counts = sorted(c["count"] for c in claims)
            fatalities["best"] = counts[0]
            if rng.random() < 0.5:
                fatalities["low"] = max(0, counts[0] - rng.randint(0, 5))
                fatalities["high"] = counts[-1] + rng.randint(0, 10)
    injured = None
    if event_type in VIOLENT and rng.random() < 0.25:
        injured = {"claims": [{"count": rng.randint(1, 40), "who": "civilians",
                               "by": rng.choice(FREE_PARTIES), "source": rng.choice(source_ids)}]}

    assertions = []
    if actors and rng.random() < 0.3:
        who = rng.choice(actors)
        if who[2] == "perpetrator":
            text = rng.choice([
                "Its fighters took weapons and vehicles before withdrawing.",
                "No civilians were harmed in the operation.",
                "It held the area for several hours.",
            ])
        else:
            text = rng.choice([
                "The situation was brought under control within hours.",
                "Several attackers were arrested during search operations.",
                "The attackers suffered heavy losses.",
            ])
        assertions.append({"by": who[1], "text": text, "source": rng.choice(source_ids),
                           "disputed": rng.random() < 0.4})

    tags = rng.sample(["roads", "markets", "displacement", "checkpoints", "convoys", "mines",
                       "livestock", "schools", "health"], rng.randint(0, 2))
    related = []
    same_country = [e for e in earlier[-60:] if e[0] == cname]
    if same_country and rng.random() < 0.2:
        related = [e[1] for e in rng.sample(same_country, min(len(same_country), rng.randint(1, 2)))]

    region_names = ", ".join(r["name"] for r in report_regions)
    when = human_date(date)
    noun = EVENT_NOUN[event_type]
    if actors:
        summary = (f"{noun[0].upper() + noun[1:]} was reported in {place} ({region_names}, {cname}) "
                   f"on {when}, involving {', '.join(a[1] for a in actors)}.")
    else:
        summary = f"{noun[0].upper() + noun[1:]} was reported in {place} ({region_names}, {cname}) on {when}."
    if fatalities and "best" in fatalities:
        summary += f" The best estimate is {fatalities['best']} killed."

    # Body.
    paras = []
    paras.append(paragraph(rng, [
        f"On {when}, sources reported {noun} in {place}, in the {region_names} area of {cname}.",
        rng.choice(["Residents described hearing gunfire for several hours.",
                    "Traffic on the main road was interrupted for the rest of the day.",
                    "Shops and the weekly market stayed closed the following day.",
                    "Several families left for the regional capital."]),
    ]))
    if actors:
        lines = []
        for group, written, role, attribution in actors:
            if role == "perpetrator":
                lines.append(f"The incident was {'attributed to' if attribution != 'claimed' else 'claimed by'} "
                             f"{written}" + (" according to local sources." if attribution == "suspected" else "."))
            elif role == "target":
                lines.append(f"Positions of {written} were targeted.")
            else:
                lines.append(f"{written} later deployed to the area.")
        paras.append(paragraph(rng, lines))
    if fatalities:
        lines = []
        for c in fatalities["claims"]:
            lines.append(f"According to {c['by']}, {c['count']} {c['who'] if c['who'] != 'unknown' else 'people'} were killed.")
        lines.append("These figures have not been independently verified and are not added up.")
        paras.append(paragraph(rng, lines))
    paras.append("## What is not known\n\n" + "\n".join(
        f"- {x}" for x in rng.sample([
            "The exact number of casualties.",
            "Who carried out the incident, beyond the attribution above.",
            "Whether the area is still affected.",
            "The exact time of day.",
            "Whether displaced residents have returned.",
        ], 2)))

    # Front matter.
    fm = ["---", f"title: {q(title)}", f"id: {q(report_id)}", f"date: {fmt_date(date)}"]
    if end_date:
        fm.append(f"end_date: {fmt_date(end_date)}")
    fm.append(f"date_precision: {precision}")
    fm.append(f"country: {q(cname if rng.random() < 0.9 else country['iso'])}")
    if len(report_regions) == 1:
        fm.append(f"region: {q(report_regions[0]['name'])}")
    else:
        fm.append(f"region: [{', '.join(q(r['name']) for r in report_regions)}]")
    if locations:
        fm.append("locations:")
        for loc in locations:
            fm.append(f"  - name: {q(loc['name'])}")
            fm.append(f"    region: {q(loc['region'])}")
            fm.append(f"    coordinates: [{loc['coordinates'][0]}, {loc['coordinates'][1]}]")
            fm.append(f"    precision: {loc['precision']}")
    if actors:
        fm.append("groups:")
        for group, written, role, attribution in actors:
            if role == "perpetrator" and attribution == "confirmed" and rng.random() < 0.5:
                fm.append(f"  - {q(written)}")
            else:
                fm.append(f"  - {flow_map([('group', written), ('role', role), ('attribution', attribution)])}")
    fm.append(f"event_type: {event_type}")
    for key, figures in (("fatalities", fatalities), ("injured", injured)):
        if figures is None:
            continue
        fm.append(f"{key}:")
        for k in ("best", "low", "high"):
            if k in figures:
                fm.append(f"  {k}: {figures[k]}")
        fm.append("  claims:")
        for c in figures["claims"]:
            fm.append("    - " + flow_map([("count", c["count"]), ("who", c["who"]), ("by", c["by"]),
                                            ("source", c["source"])]))
    if assertions:
        fm.append("claims:")
        for a in assertions:
            fm.append(f"  - by: {q(a['by'])}")
            fm.append(f"    text: {q(a['text'])}")
            fm.append(f"    source: {a['source']}")
            if a["disputed"]:
                fm.append("    disputed: true")
    fm.append("sources:")
    for s in sources:
        fm.append(f"  - id: {s['id']}")
        fm.append(f"    name: {q(s['name'])}")
        if "url" in s:
            fm.append(f"    url: {q(s['url'])}")
        fm.append(f"    published: {s['published']}")
        fm.append(f"    type: {s['type']}")
    fm.append(f"summary: {q(summary)}")
    if tags:
        fm.append(f"tags: [{', '.join(q(t) for t in tags)}]")
    if related:
        fm.append(f"related: [{', '.join(related)}]")
    fm.append("---")
    text = "\n".join(fm) + "\n" + "\n\n".join(paras) + "\n"

    record = {
        "slug": slug,
        "id": report_id,
        "title": title,
        "date": fmt_date(date),
        "end_date": fmt_date(end_date) if end_date else None,
        "date_precision": precision,
        "country": cname,
        "country_slug": slugify(cname),
        "regions": [r["name"] for r in report_regions],
        "region_slugs": [slugify(r["name"]) for r in report_regions],
        "event_type": event_type,
        "groups": [{"group": g["name"], "slug": slugify(g["name"]), "written": w, "role": role,
                    "attribution": att} for g, w, role, att in actors],
        "located": bool(locations),
        "fatalities_best": fatalities.get("best") if fatalities else None,
        "path": f"content/incidents/{date.year}/{slug}.md",
    }
    return text, record


def main(argv=None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("dir", help="the site folder to write (made or emptied of content/)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edge-cases", action="store_true",
                        help="also write the fixed edge-case reports of edge_cases.py")
    parser.add_argument("--repo", default=os.path.normpath(os.path.join(here, "..", "..")),
                        help="the repository whose site.yaml and registries are copied")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")

    repo_content = os.path.join(args.repo, "content")
    regions_doc = read_registry(os.path.join(repo_content, "regions.yaml"))
    groups_doc = read_registry(os.path.join(repo_content, "groups.yaml"))
    countries = [c for c in regions_doc["countries"] if c.get("bounds") and c.get("regions")]
    groups_by_name = {g["name"]: g for g in groups_doc["groups"]}
    for _, (_, perps, states) in COUNTRY_PROFILE.items():
        for name in perps + states:
            if name not in groups_by_name:
                sys.exit(f"gen_corpus: group {name!r} is not in content/groups.yaml")
    for c in countries:
        for r in c["regions"]:
            if not r.get("center"):
                sys.exit(f"gen_corpus: region {r['name']!r} has no center")
    weights = [COUNTRY_PROFILE.get(c["name"], (1,))[0] for c in countries]

    out = args.dir
    os.makedirs(out, exist_ok=True)
    shutil.rmtree(os.path.join(out, "content"), ignore_errors=True)
    os.makedirs(os.path.join(out, "content", "incidents"))
    shutil.copyfile(os.path.join(repo_content, "regions.yaml"), os.path.join(out, "content", "regions.yaml"))
    shutil.copyfile(os.path.join(repo_content, "groups.yaml"), os.path.join(out, "content", "groups.yaml"))
    with open(os.path.join(args.repo, "site.yaml"), encoding="utf-8") as f:
        site = f.read()
    site, n_sub = re.subn(r"(?m)^base_url:.*$", "base_url: http://127.0.0.1/", site)
    if not n_sub:
        site += "base_url: http://127.0.0.1/\n"
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(site)

    rng = random.Random(args.seed)
    start = dt.date(2019, 1, 1)
    days = (dt.date(2025, 6, 30) - start).days
    used, earlier, ids, records = set(), [], {}, []
    # Days drawn first and sorted, so reports are made oldest first and `related` points back
    # in time.
    report_days = sorted(rng.randrange(days) for _ in range(args.n))
    for day in report_days:
        text, record = make_report(rng, day, countries, groups_by_name, weights, start, used,
                                   earlier, ids)
        path = os.path.join(out, record["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        earlier.append((record["country"], record["slug"]))
        records.append(record)

    if args.edge_cases:
        # Imported here so that the plain generator does not depend on the module.
        sys.path.insert(0, here)
        import edge_cases

        records.extend(edge_cases.write(out, slugify))

    manifest = {
        "generator": "tests/support/gen_corpus.py",
        "n": args.n,
        "seed": args.seed,
        "edge_cases": args.edge_cases,
        "reports": records,
    }
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    extra = f" and {len(records) - args.n} edge cases" if args.edge_cases else ""
    print(f"gen_corpus: {args.n} reports{extra} in {out} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
