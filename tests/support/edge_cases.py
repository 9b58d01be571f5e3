"""Hand-made reports that sit on the edges of the data exports, for gen_corpus.py --edge-cases.

Each report is valid (the site builds with them, `check --strict` included) but exercises
something a naive export gets wrong:

  EDGE-X, EDGE-X-1, EDGE-X-2   a report with two places and two reports whose ids look like
                               its per-place event ids would if they were suffixed with '-N'
  EDGE-MULTI                   four places in three regions, one region without an ISO code,
                               one place without coordinates, one given at a region's centre,
                               a figure of 1 to be shared out across four rows
  EDGE-REGIONS                 three regions and no place
  EDGE-RESPONDER               a responder and no perpetrator or target
  EDGE-SEMICOLON               ';' and '\\' inside a claim's party, tags, a place, source names
                               and a source URL; a figure reported but no editor's estimate
  EDGE-FORMULA-1..5            titles, summaries, tags, parties, places and sources that begin
                               with '=', '+', '-', '@' or a tab
  EDGE-ZERO                    an editor's estimate of 0 killed over two places, 0 injured
  EDGE-SENEGAL                 another country, where every longitude is negative
  EDGE-RETRACTED               a retracted report, which leaves the data files

Latitudes are all positive: every country of the repository's registry lies north of the
equator and a place outside its country's bounds is a warning. Longitudes west of Greenwich
are negative, which is the case the exports must not mistake for a formula.

All of it is fixed text: the corpus's seed does not change it.
"""

from __future__ import annotations

import json

DAY = "2025-08-0"  # the random corpus ends on 2025-06-30, so no slug or date collides


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def to_yaml(mapping: dict, indent: str = "") -> list[str]:
    """Block YAML for a report's front matter: mappings and lists of mappings as blocks,
    lists of scalars as flow lists, every string double-quoted with JSON escapes."""
    lines = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(to_yaml(value, indent + "  "))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{indent}{key}:")
            for item in value:
                lines.append(f"{indent}  - {_flow(item)}")
        else:
            lines.append(f"{indent}{key}: {_flow(value)}")
    return lines


def _place(name, region, coordinates=None, precision=None, admin2=None) -> dict:
    place = {"name": name, "region": region}
    if admin2 is not None:
        place["admin2"] = admin2
    if coordinates is not None:
        place["coordinates"] = coordinates
    if precision is not None:
        place["precision"] = precision
    return place


def _source(sid, name, url=None, kind="news", published=None) -> dict:
    source = {"id": sid, "name": name}
    if url is not None:
        source["url"] = url
    if published is not None:
        source["published"] = published
    source["type"] = kind
    return source


NEWS = _source("s1", "Sahel Observer", "https://example.org/sahel-observer/edge")

# (file stem, front matter) in the order written; a stem is also the report's slug.
REPORTS = [
    ("edge-x", {
        "title": "Attacks on two army posts in western Mali",
        "id": "EDGE-X",
        "date": f"{DAY}1",
        "country": "Mali",
        "region": ["Kayes", "Nioro"],
        "locations": [
            _place("Kéniéba", "Kayes", [12.84, -11.24], "town", admin2="Kéniéba"),
            _place("Diéma", "Nioro", [14.54, -9.18]),
        ],
        "groups": [
            {"group": "JNIM", "role": "perpetrator", "attribution": "suspected"},
            {"group": "ISSP", "role": "perpetrator", "attribution": "claimed"},
            {"group": "FAMa", "role": "target"},
            {"group": "Africa Corps", "role": "responder"},
        ],
        "event_type": "attack",
        "fatalities": {"best": 7, "low": 5, "high": 9, "claims": [
            {"count": 9, "who": "soldiers", "by": "JNIM", "source": "s1"}]},
        "sources": [NEWS],
        "summary": "Two army posts were attacked on the same night, one in each region.",
        "tags": ["army posts"],
    }),
    ("edge-x-1", {
        "title": "Market attack whose id looks like an event id",
        "id": "EDGE-X-1",
        "date": f"{DAY}1",
        "country": "Mali",
        "region": "Kayes",
        "locations": [_place("Bafoulabé", "Kayes", [13.81, -10.83], "town")],
        "groups": ["JNIM"],
        "event_type": "attack",
        "fatalities": {"best": 2, "claims": []},
        "sources": [NEWS],
        "summary": "Gunmen attacked the weekly market.",
    }),
    ("edge-x-2", {
        "title": "Checkpoint set up on the Kayes road",
        "id": "EDGE-X-2",
        "date": f"{DAY}1",
        "country": "Mali",
        "region": "Kayes",
        "locations": [_place("Sadiola", "Kayes", [13.89, -11.70], "exact")],
        "event_type": "strategic development",
        "sources": [NEWS],
        "summary": "A checkpoint now stands at the entrance of the town.",
    }),
    ("edge-multi", {
        "title": "Raids on four villages in three regions",
        "id": "EDGE-MULTI",
        "date": f"{DAY}2",
        "end_date": f"{DAY}4",
        "country": "Mali",
        "region": ["Kayes", "Nioro", "Ségou"],
        "locations": [
            _place("Kéniéba", "Kayes", [12.84, -11.24], "district", admin2="Kéniéba"),
            _place("Diéma", "Nioro", [14.54, -9.18], "town"),
            _place("Ségou", "Ségou", [13.43, -6.22], "region"),
            _place("A hamlet near Niono", "Ségou"),
        ],
        "groups": [
            "JNIM",
            {"group": "Katiba Macina", "role": "perpetrator", "attribution": "suspected"},
            {"group": "Dozo", "role": "target"},
            {"group": "GATIA", "role": "target"},
        ],
        "event_type": "violence against civilians",
        "fatalities": {"best": 1, "low": 1, "high": 6, "claims": [
            {"count": 6, "who": "civilians", "by": "residents", "source": "s1"},
            {"count": 1, "who": "civilians", "by": "local officials", "source": "s2"}]},
        "injured": {"best": 3, "claims": []},
        "sources": [NEWS, _source("s2", "Regional governor's office", kind="official")],
        "summary": "Villages in three regions were raided over three days.",
    }),
    ("edge-regions", {
        "title": "Fighting reported across the north-east",
        "id": "EDGE-REGIONS",
        "date": f"{DAY}3",
        "date_precision": "week",
        "country": "Mali",
        "region": ["Gao", "Ménaka", "Kidal"],
        "groups": [{"group": "ISSP", "role": "perpetrator", "attribution": "suspected"},
                   {"group": "FLA", "role": "target"}],
        "event_type": "battle",
        "fatalities": {"best": 10, "low": 8, "high": 12, "claims": []},
        "sources": [NEWS],
        "summary": "Clashes were reported in three regions during the week, places unnamed.",
    }),
    ("edge-responder", {
        "title": "Army deploys after threats against a village",
        "id": "EDGE-RESPONDER",
        "date": f"{DAY}3",
        "country": "Mali",
        "region": "Ségou",
        "locations": [_place("Niono", "Ségou", [14.25, -5.99], "town")],
        "groups": [{"group": "FAMa", "role": "responder"}],
        "event_type": "strategic development",
        "sources": [NEWS],
        "summary": "Soldiers were sent to the village after threats; no one else is named.",
    }),
    ("edge-semicolon", {
        "title": "Killings reported by residents; figures differ",
        "id": "EDGE-SEMICOLON",
        "date": f"{DAY}4",
        "country": "Mali",
        "region": "Ségou",
        "locations": [_place("Markala; quartier Nord", "Ségou", [13.70, -6.07], "town"),
                      _place("Back\\slash ford", "Ségou", [13.60, -6.10], "exact")],
        "event_type": "violence against civilians",
        "fatalities": {"claims": [
            {"count": 3, "who": "civilians", "by": "Residents; local NGO", "source": "s1"},
            {"count": 5, "who": "unknown", "by": "Back\\slash collective", "source": "s2"}]},
        "claims": [{"by": "Residents; local NGO", "text": "The attackers came on motorbikes;\n"
                    "they left before dawn.", "source": "s1", "disputed": True}],
        "sources": [
            _source("s1", "Radio; FM \\ Sahel", "https://example.org/report;id=4?x=1;y=2"),
            _source("s2", "Residents' posts", kind="social"),
            _source("s3", "Le \"Courrier\", Ségou", "https://example.org/a\\b"),
        ],
        "summary": "Residents; a local NGO, and a collective give different tolls.",
        "tags": ["a;b", "c\\d", "plain", ";", "\\"],
    }),
    ("edge-formula-1", {
        "title": "=HYPERLINK(\"https://example.org/x\",\"click here\")",
        "id": "EDGE-FORMULA-1",
        "date": f"{DAY}5",
        "country": "Mali",
        "region": "Kayes",
        "locations": [_place("=Place", "Kayes", [14.0, -11.0], "town")],
        "groups": ["JNIM"],
        "event_type": "attack",
        "fatalities": {"best": 4, "claims": [
            {"count": 4, "who": "civilians", "by": "=cmd|' /C calc'!A0", "source": "s1"}]},
        "sources": [_source("s1", "=SUM(A1:A9)", "https://example.org/=x")],
        "summary": "=1+1 was the headline of a post about this attack.",
        "tags": ["=cmd", "@sum", "+x", "-y"],
    }),
    ("edge-formula-2", {
        "title": "+1 killed at a checkpoint",
        "id": "EDGE-FORMULA-2",
        "date": f"{DAY}5",
        "country": "Mali",
        "region": "Kayes",
        "event_type": "violence against civilians",
        "fatalities": {"best": 1, "claims": [
            {"count": 1, "who": "civilians", "by": "@user", "source": "s1"}]},
        "sources": [NEWS],
        "summary": "-3 dead according to residents, one according to the editors.",
        "tags": ["-3", "+1"],
    }),
    ("edge-formula-3", {
        "title": "@user posts a video of the attack",
        "id": "EDGE-FORMULA-3",
        "date": f"{DAY}5",
        "country": "Mali",
        "region": "Kayes",
        "event_type": "protest",
        "sources": [_source("s1", "-Minus Radio", "https://example.org/minus")],
        "summary": "\tA summary that begins with a tab.",
    }),
    ("edge-formula-4", {
        "title": "-3 dead in Ségou",
        "id": "EDGE-FORMULA-4",
        "date": f"{DAY}6",
        "country": "Mali",
        "region": "Ségou",
        "locations": [_place("@Camp", "Ségou", [13.5, -6.3], "town")],
        "event_type": "explosion",
        "fatalities": {"best": 3, "claims": []},
        "sources": [NEWS],
        "summary": "+1 injured, -3 dead, @ the camp.",
    }),
    ("edge-formula-5", {
        "title": "\tA title that begins with a tab",
        "id": "EDGE-FORMULA-5",
        "date": f"{DAY}6",
        "country": "Mali",
        "region": "Ségou",
        "event_type": "riot",
        "sources": [NEWS],
        "summary": "=A1 and \r a carriage return inside.",
    }),
    ("edge-zero", {
        "title": "Shots fired at two posts, no one killed",
        "id": "EDGE-ZERO",
        "date": f"{DAY}7",
        "country": "Mali",
        "region": ["Kayes", "Nioro"],
        "locations": [_place("Kayes", "Kayes", [14.45, -11.44], "town"),
                      _place("Nioro du Sahel", "Nioro", [15.23, -9.59], "town")],
        "groups": [{"group": "JNIM", "role": "perpetrator", "attribution": "claimed"},
                   {"group": "FAMa", "role": "target"}],
        "event_type": "attack",
        "fatalities": {"best": 0, "low": 0, "high": 0, "claims": []},
        "injured": {"best": 0, "claims": []},
        "sources": [NEWS],
        "summary": "Posts in both towns came under fire; the army says no one was hurt.",
    }),
    ("edge-senegal", {
        "title": "Cattle theft near the Mali border",
        "id": "EDGE-SENEGAL",
        "date": f"{DAY}8",
        "country": "Sénégal",
        "region": ["Kédougou", "Tambacounda"],
        "locations": [_place("Saraya", "Kédougou", [12.84, -11.75], "town"),
                      _place("Bakel", "Tambacounda", [14.90, -12.46], "town")],
        "event_type": "riot",
        "sources": [NEWS],
        "summary": "Herders clashed after cattle went missing on both sides of the river.",
    }),
    ("edge-retracted", {
        "title": "Reported attack that did not happen",
        "id": "EDGE-RETRACTED",
        "date": f"{DAY}8",
        "country": "Mali",
        "region": "Kayes",
        "event_type": "attack",
        "fatalities": {"best": 12, "claims": []},
        "sources": [NEWS],
        "summary": "An attack was reported and later found not to have happened.",
        "status": "retracted",
        "revisions": [{"date": f"{DAY}9", "note": "Retracted: the outlet withdrew its story."}],
    }),
]


def write(out: str, slugify) -> list[dict]:
    """Write every edge-case report under OUT/content/incidents/2025/ and return the
    corpus.json records describing them (the same keys as the generated reports')."""
    import os

    records = []
    folder = os.path.join(out, "content", "incidents", "2025")
    os.makedirs(folder, exist_ok=True)
    for stem, front in REPORTS:
        body = "An edge case of the data exports. Its front matter is what matters.\n"
        text = "---\n" + "\n".join(to_yaml(front)) + "\n---\n" + body
        with open(os.path.join(folder, f"{stem}.md"), "w", encoding="utf-8") as f:
            f.write(text)
        regions = front["region"] if isinstance(front["region"], list) else [front["region"]]
        groups = [g if isinstance(g, dict) else {"group": g} for g in front.get("groups", [])]
        records.append({
            "slug": stem,
            "id": front["id"],
            "title": front["title"],
            "date": front["date"],
            "end_date": front.get("end_date"),
            "date_precision": front.get("date_precision", "day"),
            "country": front["country"],
            "country_slug": slugify(front["country"]),
            "regions": regions,
            "region_slugs": [slugify(r) for r in regions],
            "event_type": front["event_type"],
            "groups": [{"group": g["group"], "slug": slugify(g["group"]), "written": g["group"],
                        "role": g.get("role", "perpetrator"),
                        "attribution": g.get("attribution", "confirmed")} for g in groups],
            "located": bool(front.get("locations")),
            "fatalities_best": front.get("fatalities", {}).get("best"),
            "path": f"content/incidents/2025/{stem}.md",
            "status": front.get("status", "published"),
        })
    return records
