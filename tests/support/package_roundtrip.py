"""The checks of check_package.py that read data/incidents.json.gz beside the CSV files: the
cells that copy a report's fields give back its values, the events rows are the report's
places (or regions), and the figures split across rows add up to the report's.

A JSON value is compared with a cell as the exports promise to write it: a string that a
spreadsheet would run as a formula with a "'" before it, a multi-value cell split back
with csv.reader(delimiter=';', escapechar='\\\\', quoting=QUOTE_NONE), a number or a date
as its type reads it, an empty cell for null. Columns the JSON has nothing for are left
alone, and so is a table that has only its incident_id column (a stub, not yet filled).
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import os
import re
from collections import Counter, defaultdict

# Cells a spreadsheet runs as a formula when they begin with one of these (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
ATTRIBUTION_RANK = {"confirmed": 0, "claimed": 1, "suspected": 2}
# ACLED's scales, as events.csv's dictionary gives them.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "town": 1, "district": 2, None: 2, "region": 3}
MULTI_VALUE = "separated by ';'"


def is_number_text(cell: str) -> bool:
    """Whether a spreadsheet reads the cell as a plain number (so a sign is no formula)."""
    return bool(NUMBER.fullmatch(cell)) and math.isfinite(float(cell))


def split_multi(cell: str) -> list[str]:
    """The values of a multi-value cell, split as the data page tells researchers to."""
    if cell == "":
        return []
    rows = list(csv.reader([cell], delimiter=";", escapechar="\\", quoting=csv.QUOTE_NONE))
    return rows[0] if rows else []


def unguarded(cell: str) -> str:
    """The cell without the "'" the exports put before a formula-like cell."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_START else cell


def defused(text: str) -> str:
    """The cell the exports write for a text: "'" before one a spreadsheet would run."""
    return "'" + text if text[:1] in FORMULA_START and not is_number_text(text) else text


# --------------------------------------------------------------------------------------
# What a report's JSON record says each column holds. ("one", value) for a cell that
# copies one value, ("many", [values]) for a multi-value cell.
# --------------------------------------------------------------------------------------


def _unique(names):
    out = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def _role(rec, role):
    return _unique(a["group"] for a in rec.get("actors", []) if a["role"] == role)


def _perpetrators(rec):
    """Each perpetrator once with its surest attribution, in the report's order."""
    found = {}
    for a in rec.get("actors", []):
        if a["role"] == "perpetrator":
            rank = ATTRIBUTION_RANK.get(a["attribution"], 9)
            found[a["group"]] = min(found.get(a["group"], rank), rank)
    return list(found.items())


def _surest_first(rec):
    ranked = sorted(_perpetrators(rec), key=lambda p: p[1])  # stable: report order kept
    names = {v: k for k, v in ATTRIBUTION_RANK.items()}
    return [(name, names.get(rank, "")) for name, rank in ranked]


def _attributed(rec, attribution):
    return [n for n, r in _perpetrators(rec) if r == ATTRIBUTION_RANK[attribution]]


def _figure(rec, kind, pick):
    return (rec.get(kind) or {}).get(pick)


def _claim_cells(rec, kind):
    return [f"{c['count']} {c['who']} (by {c['by']})" for c in (rec.get(kind) or {}).get("claims", [])]


def _claimants(rec):
    figures = [c["by"] for k in ("fatalities", "injured") for c in (rec.get(k) or {}).get("claims", [])]
    return _unique(figures + [a["by"] for a in rec.get("claims", [])])


def _first_point(rec):
    return next((l for l in rec.get("locations", [])
                 if l.get("latitude") is not None and l.get("longitude") is not None), {})


ONE, MANY = "one", "many"

# column: (ONE, the value) or (MANY, the values), from a report's JSON record.
INCIDENTS = {
    "id": (ONE, lambda r: r["id"]),
    "url": (ONE, lambda r: r["url"]),
    "title": (ONE, lambda r: r["title"]),
    "date": (ONE, lambda r: r["date"]),
    "end_date": (ONE, lambda r: r.get("end_date")),
    "date_precision": (ONE, lambda r: r.get("date_precision")),
    "country": (ONE, lambda r: r["country"]["name"]),
    "country_iso": (ONE, lambda r: r["country"].get("iso")),
    "regions": (MANY, lambda r: [x["name"] for x in r["regions"]]),
    "region_isos": (MANY, lambda r: [x.get("iso") or "" for x in r["regions"]]),
    "locations": (MANY, lambda r: [x["name"] for x in r.get("locations", [])]),
    "latitude": (ONE, lambda r: _first_point(r).get("latitude")),
    "longitude": (ONE, lambda r: _first_point(r).get("longitude")),
    "event_type": (ONE, lambda r: r.get("event_type")),
    "perpetrators": (MANY, lambda r: _role(r, "perpetrator")),
    "confirmed_perpetrators": (MANY, lambda r: _attributed(r, "confirmed")),
    "claimed_perpetrators": (MANY, lambda r: _attributed(r, "claimed")),
    "suspected_perpetrators": (MANY, lambda r: _attributed(r, "suspected")),
    "targets": (MANY, lambda r: _role(r, "target")),
    "responders": (MANY, lambda r: _role(r, "responder")),
    "fatalities_best": (ONE, lambda r: _figure(r, "fatalities", "best")),
    "fatalities_low": (ONE, lambda r: _figure(r, "fatalities", "low")),
    "fatalities_high": (ONE, lambda r: _figure(r, "fatalities", "high")),
    "fatality_claims": (MANY, lambda r: _claim_cells(r, "fatalities")),
    "injured_best": (ONE, lambda r: _figure(r, "injured", "best")),
    "injured_low": (ONE, lambda r: _figure(r, "injured", "low")),
    "injured_high": (ONE, lambda r: _figure(r, "injured", "high")),
    "injured_claims": (MANY, lambda r: _claim_cells(r, "injured")),
    "claimed_by": (MANY, _claimants),
    "sources": (MANY, lambda r: [s["name"] for s in r.get("sources", [])]),
    "source_urls": (MANY, lambda r: [s.get("url") or "" for s in r.get("sources", [])]),
    "summary": (ONE, lambda r: r["summary"]),
    "tags": (MANY, lambda r: list(r.get("tags", []))),
    "updated": (ONE, lambda r: r.get("updated")),
}

EVENTS = {
    "incident_id": (ONE, lambda r: r["id"]),
    "event_date": (ONE, lambda r: r["date"]),
    "year": (ONE, lambda r: int(r["date"][:4])),
    "time_precision": (ONE, lambda r: TIME_PRECISION.get(r.get("date_precision"))),
    "event_type": (ONE, lambda r: r.get("event_type")),
    "actor1": (ONE, lambda r: next(iter(_surest_first(r)), (None, None))[0]),
    "actor1_attribution": (ONE, lambda r: next(iter(_surest_first(r)), (None, None))[1]),
    "assoc_actor_1": (MANY, lambda r: [n for n, _ in _surest_first(r)[1:]]),
    "assoc_actor_1_attribution": (MANY, lambda r: [a for _, a in _surest_first(r)[1:]]),
    "actor2": (ONE, lambda r: next(iter(_role(r, "target")), None)),
    "assoc_actor_2": (MANY, lambda r: _role(r, "target")[1:]),
    "responders": (MANY, lambda r: _role(r, "responder")),
    "country": (ONE, lambda r: r["country"]["name"]),
    "iso": (ONE, lambda r: r["country"].get("iso")),
    "source": (MANY, lambda r: [s["name"] for s in r.get("sources", [])]),
    "notes": (ONE, lambda r: r["summary"]),
    "tags": (MANY, lambda r: list(r.get("tags", []))),
    "claimed_by": (MANY, _claimants),
    "url": (ONE, lambda r: r["url"]),
}

EXPECTED = {"incidents": INCIDENTS, "events": EVENTS}


def matches(field: dict, cell: str, value, kind: str, expected) -> bool:
    """Whether a cell (raw, and as its type read it) holds what the JSON says."""
    if kind == MANY:
        values = list(expected)
        if cell == "" and values == [""]:
            return True  # a lone empty value: the cell cannot tell it from no value
        return values in (split_multi(cell), split_multi(unguarded(cell)))
    if expected is None or expected == "":
        return cell == ""
    if field.get("type", "string") == "string":
        return cell == defused(str(expected))
    if field.get("type") == "date":
        return value is not None and value.isoformat() == expected
    return value is not None and value == expected


def column_spec(table, failures) -> list:
    """(position, field, kind, what the JSON gives) for each column the JSON backs."""
    known = EXPECTED.get(table.name, {})
    spec = []
    for at, field in enumerate(table.fields):
        name = field.get("name")
        multi = MULTI_VALUE in field.get("description", "")
        if name in known:
            kind, expect = known[name]
            if kind == MANY and not multi:
                failures.add(table.name, "dictionary", "holds several values, but its "
                             f"description does not say they are {MULTI_VALUE}", None, name)
            spec.append((at, field, kind, expect))
        elif multi:  # any other multi-value column named like a list of the JSON's
            spec.append((at, field, MANY, lambda r, name=name: r.get(name)
                         if isinstance(r.get(name), list) else None))
    return spec


def check_columns(table, records, failures) -> None:
    """Every cell that copies a report's field against the report's JSON."""
    key_at = table.column("id" if table.name == "incidents" else "incident_id")
    if key_at is None:
        return
    spec = column_spec(table, failures)
    for k, (row, typed) in enumerate(zip(table.rows, table.typed)):
        rec = records.get(row[key_at])
        if rec is None:
            continue  # the foreign key and the id checks report it
        for at, field, kind, expect in spec:
            expected = expect(rec)
            if kind == MANY and expected is None:
                continue
            failures.checks += 1
            if not matches(field, row[at], typed[at], kind, expected):
                shown = defused(expected) if isinstance(expected, str) else expected
                failures.add(table.name, "round-trip", f"{row[at][:80]!r} for report "
                             f"{rec['id']}, whose JSON gives {shown!r}", k + 2, field.get("name"))


def _by_incident(table):
    """Row number, raw row and typed row of each row, grouped by the incident_id column."""
    groups = defaultdict(list)
    key_at = table.column("incident_id")
    if key_at is not None:
        for k, (row, typed) in enumerate(zip(table.rows, table.typed)):
            groups[row[key_at]].append((k + 2, row, typed))
    return groups


def check_events_layout(events, records, failures) -> None:
    """One events row per place, or per region for a report that names no place."""
    rows_of = _by_incident(events)
    at = {n: events.column(n) for n in
          ("event_id_cnty", "location", "admin1", "latitude", "longitude", "geo_precision")}
    for rid, rec in records.items():
        rows, places = rows_of.get(rid, []), rec.get("locations") or []
        if places:
            want = [(p["name"], p.get("region"), p.get("latitude"), p.get("longitude"),
                     GEO_PRECISION.get(p.get("precision"))) for p in places]
            what = f"{len(places)} place(s)"
        else:  # a region's centre is not in the JSON: only its precision is known
            want = [(r["name"], r["name"], None, None, 3) for r in rec["regions"]]
            what = f"no place and {len(want)} region(s)"
        failures.checks += 1
        if len(rows) != len(want):
            failures.add("events", "events-layout", f"report {rid} has {len(rows)} row(s); its "
                         f"JSON has {what}, so it should have {len(want)}")
            continue
        for k, ((number, row, typed), (location, admin1, lat, lon, geo)) in enumerate(
                zip(rows, want)):
            located = row[at["latitude"]] != "" if at["latitude"] is not None else bool(places)
            # The dictionary's promises: the report's id, '#' and the row's number; a
            # precision only where there are coordinates.
            checks = [("event_id_cnty", f"{rid}#{k + 1}"), ("location", location),
                      ("admin1", admin1), ("geo_precision", geo if located else None)]
            if places:
                checks += [("latitude", lat), ("longitude", lon)]
            for name, expected in checks:
                if at[name] is None or (name == "admin1" and expected is None):
                    continue
                field = events.fields[at[name]]
                if not matches(field, row[at[name]], typed[at[name]], ONE, expected):
                    failures.add("events", "events-layout", f"{row[at[name]]!r} where report "
                                 f"{rid}'s place or region gives {expected!r}", number, name)


# (resource, column, incidents.csv column, strict): the rows' figures of a report add up to
# its figure. Strict: empty iff the report's is, and split evenly with the remainder on the
# first rows, as events.csv's dictionary says; else only the sum where the figure is known.
SUMS = [
    ("events", "fatalities", "fatalities_best", True),
    ("events", "fatalities_low", "fatalities_low", True),
    ("events", "fatalities_high", "fatalities_high", True),
    ("acled", "fatalities", "fatalities_best", False),
    ("ged", "best", "fatalities_best", False),
]


def check_sums(tables, failures) -> None:
    incidents = tables.get("incidents")
    if incidents is None or incidents.column("id") is None:
        return
    for resource, column, total, strict in SUMS:
        table = tables.get(resource)
        if table is None or table.column(column) is None or incidents.column(total) is None:
            continue
        rows_of = _by_incident(table)
        if not rows_of and len(table.names) == 1:
            continue
        at, id_at, total_at = table.column(column), incidents.column("id"), incidents.column(total)
        for row, typed in zip(incidents.rows, incidents.typed):
            rid, figure = row[id_at], typed[total_at]
            shares = [t[at] for _, _, t in rows_of.get(rid, [])]
            failures.checks += 1
            problem = _sum_problem(figure, shares, strict)
            if problem:
                failures.add(resource, "sum", f"report {rid}: {column} of its rows {shares} "
                             f"{problem}; incidents.csv gives {total} = {figure}", None, column)


def _sum_problem(figure, shares, strict):
    known = [s for s in shares if s is not None]
    if figure is None:
        return "are not all empty though the figure is unknown" if strict and known else None
    if strict and len(known) != len(shares):
        return "leave a row empty though the figure is known"
    if sum(known) != figure:
        return f"add up to {sum(known)}"
    if strict and shares and (max(shares) - min(shares) > 1 or shares != sorted(shares, reverse=True)):
        return "are not an even split with the remainder on the first rows"
    return None


def _claim_rows(rec):
    rows = []
    for kind in ("fatalities", "injured"):
        for c in (rec.get(kind) or {}).get("claims", []):
            rows.append({"kind": kind, "party": c["by"], "who": c["who"], "count": c["count"],
                         "text": None, "disputed": None, "source_id": c.get("source")})
    for a in rec.get("claims", []):
        rows.append({"kind": "text", "party": a["by"], "who": None, "count": None,
                     "text": a["text"], "disputed": a["disputed"], "source_id": a.get("source")})
    return rows


def _actor_rows(rec):
    surest = {}
    for a in rec.get("actors", []):
        key = (a["group"], a["role"])
        if key not in surest or ATTRIBUTION_RANK.get(a["attribution"], 9) < \
                ATTRIBUTION_RANK.get(surest[key]["attribution"], 9):
            surest[key] = {"group": a["group"], "role": a["role"],
                           "attribution": a["attribution"], "full_name": a.get("full_name")}
    return list(surest.values())


# resource: a report's rows as the JSON gives them, keyed by column name.
RELATED = {
    "sources": lambda r: [{"source_id": s["id"], "name": s["name"], "url": s.get("url"),
                           "archive_url": s.get("archive_url"), "type": s.get("type"),
                           "published": s.get("published")} for s in r.get("sources", [])],
    "claims": _claim_rows,
    "actors": _actor_rows,
}


def _canonical(field, cell, value):
    if field.get("type", "string") == "string":
        return cell
    return value.isoformat() if hasattr(value, "isoformat") else value


def _expected_canonical(field, value):
    if field.get("type", "string") == "string":
        return "" if value is None else defused(str(value))
    return value


def check_related(tables, records, failures) -> None:
    """Each report's rows of a related table are the JSON's sources, claims or actors."""
    for resource, rows_for in RELATED.items():
        table = tables.get(resource)
        if table is None or table.column("incident_id") is None:
            continue
        sample = next((rows_for(r) for r in records.values() if rows_for(r)), [{}])[0]
        names = [n for n in table.names if n in sample]
        if not names:
            continue  # a stub: nothing here the JSON can vouch for
        fields = [table.fields[table.column(n)] for n in names]
        rows_of = _by_incident(table)
        for rid, rec in records.items():
            got = Counter(tuple(_canonical(f, row[table.column(n)], typed[table.column(n)])
                                for n, f in zip(names, fields))
                          for _, row, typed in rows_of.get(rid, []))
            want = Counter(tuple(_expected_canonical(f, r.get(n)) for n, f in zip(names, fields))
                           for r in rows_for(rec))
            failures.checks += 1
            if got != want:
                failures.add(resource, "round-trip", f"report {rid}: rows {names} = "
                             f"{sorted(map(list, (got - want).elements()), key=str)} are not in "
                             f"its JSON, which has {sorted(map(list, (want - got).elements()), key=str)}"
                             " not in the file")


def check_changes(tables, failures) -> None:
    """Every published report has been added and not retracted, as changes.csv tells it."""
    changes, incidents = tables.get("changes"), tables.get("incidents")
    if changes is None or incidents is None or changes.column("change") is None:
        return
    kinds = defaultdict(set)
    for _, row, _ in (x for rows in _by_incident(changes).values() for x in rows):
        kinds[row[changes.column("incident_id")]].add(row[changes.column("change")])
    for row in incidents.rows:
        rid = row[incidents.column("id")]
        failures.checks += 1
        if "added" not in kinds.get(rid, set()):
            failures.add("changes", "round-trip", f"report {rid} is in incidents.csv but "
                         "changes.csv has no 'added' row for it")
        if "retracted" in kinds.get(rid, set()):
            failures.add("changes", "round-trip", f"report {rid} is retracted in changes.csv "
                         "but still in incidents.csv")


def check(data_dir, tables, failures) -> None:
    """Every check that reads data/incidents.json.gz beside the tables."""
    path = os.path.join(data_dir, "incidents.json.gz")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            records_list = json.load(f)
    except (OSError, ValueError) as error:
        failures.add(None, "json", f"{path}: {error}")
        return
    records = {}
    for rec in records_list:
        if rec.get("id") in records:
            failures.add(None, "json", f"incidents.json has report {rec.get('id')} twice")
        records[rec.get("id")] = rec
    incidents = tables.get("incidents")
    if incidents is not None and incidents.column("id") is not None:
        in_csv = {row[incidents.column("id")] for row in incidents.rows}
        for rid in sorted(in_csv ^ set(records), key=str):
            where = "incidents.csv" if rid in in_csv else "incidents.json"
            failures.add("incidents", "round-trip", f"report {rid} is only in {where}")
    for table in tables.values():
        check_columns(table, records, failures)
    if "events" in tables and tables["events"].column("incident_id") is not None:
        check_events_layout(tables["events"], records, failures)
    check_sums(tables, failures)
    check_related(tables, records, failures)
    check_changes(tables, failures)
