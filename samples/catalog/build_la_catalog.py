#!/usr/bin/env python3
"""Builds the Los Angeles service catalogue from the MyLA311 reference files.

Departments are the agencies of `samples/la311/agencies.csv`; services are the 12 request types of
`samples/la311/request_types.csv`. A service's code is derived from the type's `data_code` (the name the
MyLA311 export uses in its RequestType column) the same way the importers derive it. Services are ranked
by how often the 10,000-row sample asks for them. The two types without an agency (Other, Feedback) are
placed with the Information Technology Agency, which runs the 311 call centre.

usage: python3 samples/catalog/build_la_catalog.py   (from the repository root)
writes samples/catalog/la.json
"""
import collections
import csv
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
LA = os.path.join(HERE, "..", "la311")
UNOWNED_AGENCY = "ITA"

GROUPS = {
    "BOS": "Sanitation",
    "LASAN": "Sanitation",
    "OCB": "Sanitation",
    "BSL": "Streets and lighting",
    "LADWP": "Water and power",
    "ITA": "Other",
}


def service_code(name):
    """The service code the importers also derive: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def read(name):
    with open(os.path.join(LA, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    agencies = read("agencies.csv")
    types = read("request_types.csv")
    counts = collections.Counter(r["RequestType"] for r in read("myla311_2018_sample_10k.csv"))
    agency_codes = {a["agency_id"]: a["data_code"] for a in agencies}
    ranked = sorted(types, key=lambda t: (-counts[t["data_code"]], t["data_code"]))
    services = []
    for rank, t in enumerate(ranked, start=1):
        department = agency_codes.get(t["agency_id"], UNOWNED_AGENCY)
        services.append({
            "code": service_code(t["data_code"]),
            "sourceName": t["data_code"],
            "name": t["type_name"],
            "description": t["description"].strip(),
            "group": GROUPS.get(department, "Other"),
            "department": department,
            "rank": rank,
            "keywords": ", ".join(w for w in re.split(r"[^A-Za-z]+", t["type_name"].lower()) if len(w) > 2),
            "questions": [],
        })

    catalog = {
        "jurisdiction": {
            "code": "la", "name": "City of Los Angeles", "open311Id": "lacity.org",
            "timeZone": "America/Los_Angeles", "country": "US",
            "bounds": {"southLatitude": 33.70, "westLongitude": -118.67,
                       "northLatitude": 34.34, "eastLongitude": -118.15},
        },
        "departments": [{"code": a["data_code"], "name": a["agency_name"]} for a in agencies],
        "services": services,
    }
    with open(os.path.join(HERE, "la.json"), "w", encoding="utf-8") as f:
        json.dump(catalog, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
