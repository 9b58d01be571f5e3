#!/usr/bin/env python3
"""What a built site weighs, per report, by kind of output (issue 18's budget).

Usage: python3 bench/budget.py OUTPUT REPORTS [--totals]

OUTPUT is a folder `incidex build` wrote, REPORTS the number of reports it was built from.
Prints a Markdown table: for each kind of output, its files, its bytes, and bytes and
files per report, largest first, then the total. With --totals, prints only one line,
`BYTES FILES BYTES_PER_REPORT FILES_PER_REPORT`, for scripts (bench/compare.sh).

Bytes are the files' own sizes, as GitHub Pages counts a site against its 1 GB, not the
disk blocks they take (`du` counts whole 4 KB blocks, so small files look heavier). Pages
of further languages (`/fr/…`) are counted under their own kind, prefixed by the language.
"""

import os
import re
import sys

# A further language's folder: two or three letters, optionally a region (`pt-br`).
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]+)?$")
# Top-level folders a site has, which are never a language even when they look like one.
SITE_FOLDERS = {"data", "map", "maps", "search", "stats", "types", "about"}


def kind(parts):
    """The kind of output of the file at `parts` (its path, split on `/`)."""
    name = parts[-1]
    top = parts[0]
    if top == "incidents" and len(parts) == 3:
        if name == "index.html":
            return "report pages"
    if top == "data" and len(parts) == 2:
        if name in ("incidents.json", "incidents.json.gz"):
            return "data/incidents.json.gz"
        return "other data files (data/)"
    if name in ("atom.xml", "changes.xml"):
        return "feeds"
    if name in ("incidents.csv.gz", "incidents.geojson.gz", "incidents.csv", "incidents.geojson"):
        return "per-list csv/geojson (gzip)"
    if top == "search" or name == "search.js":
        return "search index"
    if top == "maps":
        return "base maps"
    if name.endswith(".html"):
        return "list and other pages"
    return "other (sitemap, style, robots, …)"


def measure(root):
    """{kind: [files, bytes]} for every file under `root`."""
    kinds = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            parts = os.path.relpath(path, root).split(os.sep)
            label = kind(parts)
            if len(parts) > 1 and LANGUAGE.match(parts[0]) and parts[0] not in SITE_FOLDERS:
                label = f"/{parts[0]}/: " + kind(parts[1:])
            entry = kinds.setdefault(label, [0, 0])
            entry[0] += 1
            entry[1] += os.path.getsize(path)
    return kinds


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    if len(args) != 2 or flags - {"--totals"} or not args[1].isdigit() or int(args[1]) == 0:
        sys.exit(__doc__.split("\n\n")[1])
    root, reports = args[0], int(args[1])
    if not os.path.isdir(root):
        sys.exit(f"budget: {root} is not a folder")
    kinds = measure(root)
    files = sum(k[0] for k in kinds.values())
    size = sum(k[1] for k in kinds.values())
    if "--totals" in flags:
        print(size, files, round(size / reports), f"{files / reports:.2f}")
        return
    print("| output | files | bytes | bytes per report | files per report |")
    print("|---|---:|---:|---:|---:|")
    for label, (count, total) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"| {label} | {count:,} | {total:,} | {total / reports:,.0f} | "
              f"{count / reports:.2f} |")
    print(f"| **total** | {files:,} | {size:,} ({size / 1e6:,.0f} MB) | "
          f"{size / reports:,.0f} | {files / reports:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
