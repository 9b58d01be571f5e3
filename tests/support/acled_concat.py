#!/usr/bin/env python3
"""Stacks a built site's data/acled.csv.gz under a row typed in ACLED's own export layout,
as a researcher's pandas.concat would, and reports every column whose values would no
longer share one type. Standard library only, so it needs no pandas.

Usage: acled_concat.py OUTPUT_DIR

Each cell is read as a reader's type inference would see it: empty, int, float or text.
A column mixes types when its non-empty cells are of more than one kind (pandas would
turn the ints of a float column into floats and a numeric column with text into
objects), or when it holds ints and empty cells (pandas reads an empty cell as NaN, which
turns a column of whole numbers into floats). Text beside empty cells, and floats beside
empty cells, are how ACLED's own files read and are not reported.

Prints one JSON object: the ACLED columns missing or out of place in the file, the
columns the file adds after ACLED's, how many rows were stacked, and the mixed columns
with the kinds found in each.
"""

import csv
import gzip
import json
import os
import re
import sys

# ACLED's export columns, in its order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

# A made-up event, typed the way ACLED's current export writes one.
ACLED_ROW = {
    "event_id_cnty": "MLI12345",
    "event_date": "2025-06-14",
    "year": "2025",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "JNIM: Group for Support of Islam and Muslims",
    "assoc_actor_1": "",
    "inter1": "Rebel group",
    "actor2": "Military Forces of Mali (2021-)",
    "assoc_actor_2": "",
    "inter2": "State forces",
    "interaction": "State forces-Rebel group",
    "civilian_targeting": "",
    "iso": "466",
    "region": "Western Africa",
    "country": "Mali",
    "admin1": "Mopti",
    "admin2": "Bandiagara",
    "admin3": "Bandiagara",
    "location": "Bandiagara",
    "latitude": "14.3500",
    "longitude": "-3.6104",
    "geo_precision": "1",
    "source": "Studio Tamani",
    "source_scale": "National",
    "notes": "On 14 June 2025, JNIM militants clashed with the army near Bandiagara.",
    "fatalities": "3",
    "tags": "",
    "timestamp": "1718659200",
}

INT = re.compile(r"^[+-]?\d+$")
FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+)$")


def kind(cell):
    text = cell.strip()
    if text == "":
        return "empty"
    if INT.match(text):
        return "int"
    if FLOAT.match(text):
        return "float"
    return "text"


def mixed(kinds):
    filled = kinds - {"empty"}
    return len(filled) > 1 or ("int" in filled and "empty" in kinds)


def main():
    path = os.path.join(sys.argv[1], "data", "acled.csv.gz")
    with gzip.open(path, "rt", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, strict=True)
        header = reader.fieldnames or []
        ours = list(reader)
    leading = header[: len(ACLED_COLUMNS)]
    out_of_place = [
        name for position, name in enumerate(ACLED_COLUMNS)
        if position >= len(leading) or leading[position] != name
    ]
    stacked = [ACLED_ROW] + ours
    columns = ACLED_COLUMNS + [name for name in header if name not in ACLED_COLUMNS]
    found = {}
    for name in columns:
        kinds = {kind(row.get(name) or "") for row in stacked}
        if mixed(kinds):
            found[name] = sorted(kinds)
    print(json.dumps({
        "out_of_place": out_of_place,
        "extra_columns": header[len(ACLED_COLUMNS):],
        "rows": len(stacked),
        "mixed": found,
    }))


if __name__ == "__main__":
    main()
