#!/usr/bin/env python3
"""Reads a built site's data package the way a researcher's script would, and checks it.

    python3 tests/support/check_package.py OUTPUT_DIR

Reads OUTPUT_DIR/data/datapackage.json and, for every resource it lists:
  - the file exists, is UTF-8 and parses as CSV (RFC 4180);
  - its header is the schema's field names, in order, and every row has that many cells;
  - every cell parses as its field's type (integer, number, date, year, boolean, string,
    datetime, time), an empty cell only where the schema declares it a missing value;
    field constraints (required, unique, enum, pattern, minimum, maximum, minLength,
    maxLength) hold;
  - the primary key is present and unique; every foreign key resolves, composite ones too
    (a key whose fields are all empty is skipped, as Frictionless does; one that is
    partly empty must still resolve);
  - no cell begins with '=', '+', '-', '@', a tab or a carriage return unless it is a
    number (a spreadsheet would run it as a formula; the exports put a "'" before such a
    cell);
  - a multi-value cell (a column whose description says "separated by ';'") splits back
    with csv.reader(delimiter=';', escapechar='\\\\', quoting=QUOTE_NONE) into values that
    join back into the same cell.
Then, with data/incidents.json.gz (package_roundtrip.py): the cells that copy a report's
fields give back the JSON's values, multi-value cells value by value; events.csv has one
row per place (one per region for a report that names no place); and figures split across
rows add up, per report, to the report's figure in incidents.csv (empty iff empty).

Prints a JSON summary on standard output: {"ok", "package", "resources": {name: {"rows",
"fields", "failures"}}, "checks", "failures": [{"resource", "row", "field", "check",
"message"}], "omitted"}. "row" counts as Frictionless does: the header is row 1. Each
failure is also printed to standard error as one line. Exits 0 when nothing failed, 1 when
something did, 2 on a usage error. Python 3 standard library only.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import re
import sys
from urllib.parse import urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import package_roundtrip  # noqa: E402  (beside this file)
from package_roundtrip import FORMULA_START, is_number_text, split_multi, unguarded  # noqa: E402

INTEGER = re.compile(r"-?(0|[1-9]\d*)")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"\d{2}:\d{2}:\d{2}")
MULTI_VALUE = "separated by ';'"
# Failures printed at most: a broken export would otherwise print one per row.
MAX_LISTED = 500


class Failures:
    """Every failure found, in the order found."""

    def __init__(self):
        self.items: list[dict] = []
        self.checks = 0

    def add(self, resource, check, message, row=None, field=None):
        self.items.append({"resource": resource, "row": row, "field": field,
                           "check": check, "message": message})


class Table:
    """One resource read: its schema, header and rows, raw and typed."""

    def __init__(self, name, resource, path):
        self.name = name
        self.resource = resource
        self.path = path
        schema = resource.get("schema") or {}
        self.fields = schema.get("fields") or []
        self.names = [f.get("name") for f in self.fields]
        self.missing = schema.get("missingValues", [""])
        self.primary_key = as_list(schema.get("primaryKey"))
        self.foreign_keys = schema.get("foreignKeys") or []
        self.header: list[str] | None = None
        self.rows: list[list[str]] = []  # raw cells
        self.typed: list[list] = []  # cast values, None where missing

    def column(self, name):
        return self.names.index(name) if name in self.names else None

    def records(self):
        """Each row as (row number, {field: raw cell})."""
        for k, row in enumerate(self.rows):
            yield k + 2, dict(zip(self.names, row))


def as_list(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def cast(field: dict, cell: str):
    """The cell's value as the field's type, or raise ValueError saying why not."""
    kind = field.get("type", "string")
    if kind == "string":
        fmt = field.get("format", "default")
        if fmt == "uri":
            parts = urlsplit(cell)
            if not (parts.scheme and parts.netloc):
                raise ValueError("not an absolute URI")
        elif fmt == "email" and "@" not in cell:
            raise ValueError("not an email address")
        return cell
    if kind == "integer":
        if not INTEGER.fullmatch(cell):
            raise ValueError("not an integer")
        return int(cell)
    if kind == "number":
        if not is_number_text(cell):
            raise ValueError("not a finite decimal number")
        return float(cell)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", cell):
            raise ValueError("not a four-digit year")
        return int(cell)
    if kind == "date":
        if not DATE.fullmatch(cell):
            raise ValueError("not a YYYY-MM-DD date")
        return dt.date.fromisoformat(cell)
    if kind == "datetime":
        if "T" not in cell:
            raise ValueError("not an ISO 8601 date and time")
        return dt.datetime.fromisoformat(cell)
    if kind == "time":
        if not TIME.fullmatch(cell):
            raise ValueError("not an HH:MM:SS time")
        return dt.time.fromisoformat(cell)
    if kind == "boolean":
        if cell in field.get("trueValues", ["true", "True", "TRUE", "1"]):
            return True
        if cell in field.get("falseValues", ["false", "False", "FALSE", "0"]):
            return False
        raise ValueError("not a boolean")
    raise ValueError(f"type '{kind}' is not one this checker reads")


def check_constraints(table, field, value, cell, row, failures):
    constraints = field.get("constraints") or {}
    name = field.get("name")

    def fail(message):
        failures.add(table.name, "constraint", f"'{cell}': {message}", row, name)

    if "enum" in constraints:
        allowed = [cast(field, v) if isinstance(v, str) else v for v in constraints["enum"]]
        if value not in allowed:
            fail(f"not one of {constraints['enum']}")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], cell):
        fail(f"does not match the pattern {constraints['pattern']}")
    for key, test in (("minimum", lambda v, b: v >= b), ("maximum", lambda v, b: v <= b)):
        if key in constraints:
            bound = constraints[key]
            bound = cast(field, bound) if isinstance(bound, str) else bound
            if not test(value, bound):
                fail(f"breaks {key} {constraints[key]}")
    for key, test in (("minLength", lambda n, b: n >= b), ("maxLength", lambda n, b: n <= b)):
        if key in constraints and not test(len(cell), constraints[key]):
            fail(f"breaks {key} {constraints[key]}")


def join_multi(values: list[str]) -> str:
    """The cell the exports write for `values`: each ';' and '\\' escaped with a '\\'."""
    return ";".join(v.replace("\\", "\\\\").replace(";", "\\;") for v in values)


def read_table(table: Table, failures: Failures) -> None:
    """Read the file, check header, row lengths, cells, types and constraints."""
    name = table.name
    try:
        with open(table.path, "rb") as f:
            data = f.read()
        # Frictionless unpacks a resource whose `compression` is gz; so does this.
        if table.resource.get("compression") == "gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        failures.add(name, "file-missing",
                     f"{table.resource.get('path')} is listed in datapackage.json but cannot "
                     f"be read: {error.strerror}")
        return
    encoding = table.resource.get("encoding", "utf-8")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        failures.add(name, "encoding", f"not {encoding}: {error}")
        return
    delimiter = (table.resource.get("dialect") or {}).get("delimiter", ",")
    try:
        # newline="" as the csv module asks: quoted cells may hold line breaks.
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        failures.add(name, "csv", f"does not parse as CSV: {error}")
        return
    if not rows:
        failures.add(name, "header", "the file is empty: no header row")
        return
    table.header = rows[0]
    if table.header != table.names:
        failures.add(name, "header", f"header {table.header} is not the schema's field names "
                     f"{table.names}", 1)
    uniques = {f.get("name"): {} for f in table.fields if (f.get("constraints") or {}).get("unique")}
    for k, row in enumerate(rows[1:]):
        number = k + 2
        if len(row) != len(table.names):
            failures.add(name, "row-length", f"{len(row)} cells where the schema has "
                         f"{len(table.names)} fields", number)
            row = (row + [""] * len(table.names))[: len(table.names)]
        table.rows.append(row)
        table.typed.append(check_row(table, row, number, uniques, failures))


def check_row(table, row, number, uniques, failures) -> list:
    typed = []
    for field, cell in zip(table.fields, row):
        fname = field.get("name")
        failures.checks += 1
        if cell[:1] in FORMULA_START and not is_number_text(cell):
            failures.add(table.name, "formula", f"{cell[:40]!r} begins with {cell[:1]!r}: a "
                         "spreadsheet runs it as a formula", number, fname)
        if cell in table.missing:
            if (field.get("constraints") or {}).get("required") or fname in table.primary_key:
                failures.add(table.name, "required", "empty, but the field is required", number,
                             fname)
            typed.append(None)
            continue
        try:
            value = cast(field, cell)
            check_constraints(table, field, value, cell, number, failures)
        except ValueError as error:
            failures.add(table.name, "type", f"{cell[:60]!r} as {field.get('type')}: {error}",
                         number, fname)
            typed.append(None)
            continue
        if fname in uniques:
            first = uniques[fname].setdefault(value, number)
            if first != number:
                failures.add(table.name, "constraint", f"'{cell}' is also in row {first}: the "
                             "field is unique", number, fname)
        if MULTI_VALUE in field.get("description", ""):
            check_multi(table, fname, unguarded(cell), number, failures)
        typed.append(value)
    return typed


def check_multi(table, fname, cell, number, failures):
    try:
        values = split_multi(cell)
    except csv.Error as error:
        failures.add(table.name, "multi-value", f"{cell[:60]!r} does not split on ';': {error}",
                     number, fname)
        return
    if join_multi(values) != cell:
        failures.add(table.name, "multi-value", f"{cell[:60]!r} splits into {values}, which "
                     "do not join back into the cell (a stray ';' or '\\' escape)", number, fname)


def check_keys(tables: dict, failures: Failures) -> None:
    """Primary keys present and unique; foreign keys resolve (composite ones too)."""
    for table in tables.values():
        if table.header is None:
            continue
        for key in table.primary_key:
            if key not in table.names:
                failures.add(table.name, "primary-key", f"primary key field '{key}' is not a field")
        pk = [table.column(k) for k in table.primary_key]
        if pk and None not in pk:
            seen = {}
            for k, values in enumerate(table.typed):
                tup = tuple(values[i] for i in pk)
                failures.checks += 1
                if None in tup:
                    continue  # reported as a required field left empty
                if tup in seen:
                    failures.add(table.name, "primary-key", f"{list(map(str, tup))} is also "
                                 f"row {seen[tup]}'s key", k + 2, ",".join(table.primary_key))
                else:
                    seen[tup] = k + 2
        for fk in table.foreign_keys:
            check_foreign_key(table, fk, tables, failures)


def check_foreign_key(table, fk, tables, failures):
    fields = as_list(fk.get("fields"))
    ref = fk.get("reference") or {}
    target_name = ref.get("resource") or table.name  # "" is the table itself
    ref_fields = as_list(ref.get("fields"))
    label = f"{fields} -> {target_name}{ref_fields}"
    target = tables.get(target_name)
    if target is None:
        failures.add(table.name, "foreign-key", f"{label}: no resource '{target_name}'")
        return
    here = [table.column(f) for f in fields]
    there = [target.column(f) for f in ref_fields]
    if None in here or None in there or len(here) != len(there):
        failures.add(table.name, "foreign-key", f"{label}: a field is missing on one side")
        return
    if target.header is None:
        return  # the target's own failure says why
    known = {tuple(values[i] for i in there) for values in target.typed}
    for k, values in enumerate(table.typed):
        tup = tuple(values[i] for i in here)
        if all(value is None for value in tup):
            continue  # Frictionless skips a key only when all its fields are empty
        failures.checks += 1
        if tup not in known:
            failures.add(table.name, "foreign-key", f"{list(map(str, tup))} is no row of "
                         f"{target_name} ({', '.join(ref_fields)})", k + 2, ",".join(fields))


def load_package(data_dir: str, failures: Failures) -> dict:
    """The tables the package lists, read and checked one by one."""
    path = os.path.join(data_dir, "datapackage.json")
    try:
        with open(path, encoding="utf-8") as f:
            package = json.load(f)
    except (OSError, ValueError) as error:
        failures.add(None, "package", f"{path}: {error}")
        return {}
    resources = package.get("resources")
    if not isinstance(resources, list) or not resources:
        failures.add(None, "package", "datapackage.json lists no resources")
        return {}
    tables = {}
    for k, resource in enumerate(resources):
        name, rel = resource.get("name"), resource.get("path")
        if not name or not isinstance(rel, str) or not resource.get("schema"):
            failures.add(name, "package", f"resource {k} lacks a name, a path or a schema")
            continue
        if name in tables:
            failures.add(name, "package", "two resources have this name")
            continue
        if os.path.isabs(rel) or ".." in rel.replace("\\", "/").split("/"):
            failures.add(name, "package", f"path '{rel}' leaves the package's folder")
            continue
        table = Table(name, resource, os.path.join(data_dir, rel))
        if len(set(table.names)) != len(table.names) or None in table.names:
            failures.add(name, "package", f"field names are missing or repeated: {table.names}")
        tables[name] = table
        read_table(table, failures)
    return tables


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    data_dir = os.path.join(argv[0], "data")
    failures = Failures()
    tables = load_package(data_dir, failures)
    check_keys(tables, failures)
    if tables:
        package_roundtrip.check(data_dir, tables, failures)
    per_resource = {name: {"rows": len(t.rows), "fields": len(t.names), "failures": 0}
                    for name, t in tables.items()}
    for item in failures.items:
        if item["resource"] in per_resource:
            per_resource[item["resource"]]["failures"] += 1
    summary = {
        "ok": not failures.items,
        "package": os.path.join(data_dir, "datapackage.json"),
        "resources": per_resource,
        "checks": failures.checks,
        "failures": failures.items[:MAX_LISTED],
        "omitted": max(0, len(failures.items) - MAX_LISTED),
    }
    for item in failures.items[:MAX_LISTED]:
        where = ":".join(str(p) for p in (item["resource"], item["row"], item["field"]) if p)
        print(f"check_package: {where}: [{item['check']}] {item['message']}", file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
