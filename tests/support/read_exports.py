#!/usr/bin/env python3
"""Reads a built site's exports with Python's own csv and json modules, as a researcher's
script would, and prints what it read as one JSON object: every row of every CSV file
given (as header-keyed records) and every JSON or GeoJSON file given, parsed. A file
named `.gz` is read through Python's gzip module, as pandas and a researcher's script do.

Usage: read_exports.py OUTPUT_DIR FILE...   (FILE relative to OUTPUT_DIR)
Uses only the standard library, so it runs wherever Python 3 does.
"""

import csv
import gzip
import json
import os
import sys


def main():
    output = sys.argv[1]
    result = {}
    for name in sys.argv[2:]:
        path = os.path.join(output, name)
        opener = gzip.open if name.endswith(".gz") else open
        if name.removesuffix(".gz").endswith(".csv"):
            # newline="" lets the csv module see the CRLF endings and quoted line breaks.
            with opener(path, "rt", newline="", encoding="utf-8") as f:
                reader = csv.DictReader(f, strict=True)
                result[name] = {"header": reader.fieldnames, "rows": list(reader)}
        else:
            with opener(path, "rt", encoding="utf-8") as f:
                result[name] = json.load(f)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
