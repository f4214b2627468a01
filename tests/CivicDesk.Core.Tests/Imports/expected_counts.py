#!/usr/bin/env python3
"""Counts the importers' tests expect, computed from the sample CSVs without CivicDesk's code.

usage: python3 tests/CivicDesk.Core.Tests/Imports/expected_counts.py   (from the repository root)
The mappings it applies are those of samples/imports/*.json; the flags follow DataQualityFlags.
"""
import collections
import csv
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

def code(t): return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")
FMT = "%m/%d/%Y %I:%M:%S %p"

def local(s, tz):
    d = datetime.strptime(s, FMT)
    a = d.replace(tzinfo=tz, fold=0); b = d.replace(tzinfo=tz, fold=1)
    amb = a.utcoffset() != b.utcoffset()
    # skipped times: round trip through UTC changes wall time
    rt = a.astimezone(ZoneInfo("UTC")).astimezone(tz).replace(tzinfo=None)
    return a, amb or rt != d

MOJ = re.compile('[\u00c2-\u00df][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]'
                 '|[\u00e0-\u00ef][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]{2}')

def run(path, cfg):
    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    tz = ZoneInfo(cfg["tz"]); s, w, n, e = cfg["bounds"]
    flags = collections.Counter(); flagged = 0
    ch = collections.Counter(); st = collections.Counter(); zips = collections.Counter()
    for r in rows:
        f = set()
        created, amb = local(r[cfg["created"]], tz)
        if amb: f.add("AmbiguousLocalTime")
        closed = None
        for col in cfg["times"]:
            if r[col]:
                t, a = local(r[col], tz)
                if a: f.add("AmbiguousLocalTime")
                if col == cfg["closed"]: closed = t
        if closed is not None and closed < created: f.add("ClosedBeforeCreated")
        z = r[cfg["zip"]]
        if re.fullmatch(r"(\d)\1{4}", z): f.add("PlaceholderZip"); zips[z] += 1
        la, lo = r[cfg["lat"]], r[cfg["long"]]
        if la or lo:
            y, x = float(la), float(lo)
            if not (s <= y <= n and w <= x <= e): f.add("OutsideJurisdiction")
        if any(MOJ.search(v) for v in r.values()): f.add("MisdecodedText")
        flags.update(f); flagged += bool(f)
        ch[cfg["channels"].get(r[cfg["channel"]], "Other")] += 1
        st[cfg["statuses"][r[cfg["status"]]]] += 1
    catalog = json.load(open(cfg["catalog"]))
    known = {x["code"] for x in catalog["services"]}
    created_services = {code(r[cfg["type"]]) for r in rows} - known
    print(path, "rows", len(rows), "flagged", flagged, dict(flags))
    print("  channels", dict(ch)); print("  statuses", dict(st))
    print("  placeholder zips", dict(zips))
    print("  services created", len(created_services))
    first = rows[0]
    utc = ZoneInfo("UTC")
    print("  first row", first[cfg["key"]], "created", local(first[cfg["created"]], tz)[0].astimezone(utc).isoformat(),
          "closed", local(first[cfg["closed"]], tz)[0].astimezone(utc).isoformat())
    print("  departments missing", {r[cfg["dept"]] for r in rows} - {d["code"] for d in catalog["departments"]})

run("samples/nyc311/nyc311_2023_sample_5k.csv", dict(
    tz="America/New_York", bounds=(40.4774, -74.2591, 40.9176, -73.7004), created="Created Date",
    closed="Closed Date", times=["Closed Date", "Resolution Action Updated Date", "Due Date"], zip="Incident Zip",
    lat="Latitude", long="Longitude", channel="Open Data Channel Type", status="Status", type="Complaint Type",
    dept="Agency", key="Unique Key", catalog="samples/catalog/nyc.json",
    channels={"ONLINE": "Web", "PHONE": "Phone", "MOBILE": "Mobile", "UNKNOWN": "Other"},
    statuses={"Open": "Open", "Assigned": "InProgress", "In Progress": "InProgress", "Started": "InProgress",
              "Pending": "OnHold", "Closed": "Closed"}))
run("samples/la311/myla311_2018_sample_10k.csv", dict(
    tz="America/Los_Angeles", bounds=(33.70, -118.67, 34.34, -118.15), created="CreatedDate",
    closed="ClosedDate", times=["ClosedDate", "UpdatedDate", "ServiceDate"], zip="ZipCode",
    lat="Latitude", long="Longitude", channel="RequestSource", status="Status", type="RequestType",
    dept="Owner", key="SRNumber", catalog="samples/catalog/la.json",
    channels={"Call": "Phone", "Voicemail": "Phone", "Mobile App": "Mobile", "Self Service": "Web", "Email": "Email"},
    statuses={"Closed": "Closed", "Cancelled": "Cancelled", "Referred Out": "Referred"}))
