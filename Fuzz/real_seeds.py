#!/usr/bin/env python3
"""Small slices of the real public data (../shared/geodata) as fuzzing seeds, made at run time into a folder
outside the repository (the real files are never copied into the project).

    python3 Fuzz/real_seeds.py GEODATA OUT

writes OUT/<target>/... for the school register, the pupil file, the GeoJSON municipalities and the
GeoPackage geometry blobs. Standard library only."""
import json
import os
import struct
import sys

geodata, out = sys.argv[1], sys.argv[2]


def write(target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


def head(name, lines):
    """The header and the first `lines` rows of a text file, as bytes (its encoding kept)."""
    with open(os.path.join(geodata, name), "rb") as f:
        return b"".join(f.readline() for _ in range(lines + 1))


for name in ["duo_vestigingen_vo_2020-12_geocoded.csv", "duo_alle_vestigingen_vo_2020-12.csv"]:
    if os.path.exists(os.path.join(geodata, name)):
        write("school-register", name, head(name, 25))
name = "duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"
if os.path.exists(os.path.join(geodata, name)):
    write("pupil-file", name, head(name, 40))


def smallest_features(name, count):
    with open(os.path.join(geodata, name), encoding="utf-8") as f:
        collection = json.load(f)
    features = sorted(collection["features"], key=lambda feature: len(json.dumps(feature)))[:count]
    return collection, features


def ring_wkb(ring):
    return struct.pack("<I", len(ring)) + b"".join(struct.pack("<2d", p[0], p[1]) for p in ring)


def geometry_wkb(geometry):
    """WKB (little-endian, 2D) of a GeoJSON Polygon or MultiPolygon."""
    def polygon(rings):
        return struct.pack("<BII", 1, 3, len(rings)) + b"".join(ring_wkb(r) for r in rings)
    if geometry["type"] == "Polygon":
        return polygon(geometry["coordinates"])
    polygons = geometry["coordinates"]
    return struct.pack("<BII", 1, 6, len(polygons)) + b"".join(polygon(p) for p in polygons)


for name, srs in [("gemeenten_2020_wgs84.geojson", 4326), ("gemeenten_2020_rd.geojson", 28992)]:
    if not os.path.exists(os.path.join(geodata, name)):
        continue
    collection, features = smallest_features(name, 3)
    small = dict(collection, features=features)
    write("geojson-municipalities", name, json.dumps(small).encode())
    for i, feature in enumerate(features):
        header = bytes([0x47, 0x50, 0, 1]) + struct.pack("<i", srs)
        write("geopackage-geometry", f"{name}-{i}.gpb", header + geometry_wkb(feature["geometry"]))
