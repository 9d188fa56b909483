"""Readers for the files the regio audit reads, written independently of the Swift readers.

Shared by the test oracle (audit_oracle.py) and the real-data registration builder
(make_real_registration.py). Definitions follow docs/domain.md ("Exact definitions", "Input files"):

- school register: a semicolon or comma separated file with a `brin6` column (or DUO's
  VESTIGINGSNUMMER holding the 6-character code) and coordinates as `lat`/`lon` (projected here
  with pyproj EPSG:4326 -> EPSG:28992, always_xy) or else `rd_x`/`rd_y` (already EPSG:28992);
- pupil counts: DUO "leerlingen vo per vestiging naar onderwijstype";
- pre-registrations: `regio_id;regio_naam;brin6;rol`.

Text files are read as UTF-8 and, when that fails, as ISO-8859-1 (DUO's pupil file has a few
Latin-1 bytes in school names).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Transformer

# The three vocational tracks whose year 3-4 students are counted (DUO writes BL/KL for BB/KB).
COUNTED_TYPES = ("VMBO BL lj 3-4", "VMBO KL lj 3-4", "VMBO GL lj 3-4")
# Every vmbo year 3-4 type, TL included: used to tell which schools offer vmbo at all.
VMBO_UPPER_TYPES = COUNTED_TYPES + ("VMBO TL lj 3-4",)
# The five technical profiles (DUO's AFDELING) that count for funding.
TECHNICAL_PROFILES = (
    "Bouwen, wonen en interieur",
    "Produceren, installeren en energie",
    "Mobiliteit en transport",
    "Maritiem en Techniek",
    "Media, vormgeving en ICT",
)
# Counted as technical only when asked (a setting in domain.md; off by default).
TECHNICAL_ROUTES = ("Vakmanschapsroute Techniek", "Beroepsroute Techniek")

CODE_PATTERN = re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$")
YEAR_3_4_COLUMN = re.compile(r"JAAR\s+[34]\s*-\s*(MAN|VROUW)\s*$", re.IGNORECASE)


def normalise_code(text: str) -> str:
    """A school code as the audit compares it: surrounding spaces removed, upper case."""
    return text.strip().upper()


def is_well_formed(code: str) -> bool:
    """Whether a normalised code has the shape 99AA99 (2 digits, 2 letters, 2 digits)."""
    return CODE_PATTERN.fullmatch(code) is not None


def read_text(path: str) -> str:
    """The file's text: UTF-8 (a BOM is dropped), else ISO-8859-1."""
    with open(path, "rb") as file:
        raw = file.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_table(path: str) -> pd.DataFrame:
    """A delimited text file as strings, delimiter (';' or ',') taken from the header line,
    every header and field stripped of padding spaces."""
    text = read_text(path)
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False)
    frame.columns = [c.strip() for c in frame.columns]
    return frame.apply(lambda column: column.str.strip())


def find_column(frame: pd.DataFrame, *names: str, required: bool = True) -> str | None:
    """The first column of `frame` whose name equals one of `names`, ignoring case."""
    by_lower = {c.lower(): c for c in frame.columns}
    for name in names:
        if name.lower() in by_lower:
            return by_lower[name.lower()]
    if required:
        raise SystemExit(f"no column {' or '.join(names)}; the header has: {', '.join(frame.columns)}")
    return None


def load_postcodes(path: str) -> dict[str, tuple[float, float]]:
    """PC4 centroids (`postcode`, `latitude`, `longitude`) as RD New (x, y) by 4-digit postcode."""
    frame = read_table(path)
    code, lat, lon = find_column(frame, "postcode", "pc4"), find_column(frame, "latitude", "lat"), find_column(frame, "longitude", "lon", "lng")
    frame = frame[(frame[lat] != "") | (frame[lon] != "")]
    transformer = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    x, y = transformer.transform(pd.to_numeric(frame[lon]).to_numpy(float), pd.to_numeric(frame[lat]).to_numpy(float))
    return {c: (float(a), float(b)) for c, a, b in zip(frame[code], x, y)}


def load_schools(path: str, postcodes: dict[str, tuple[float, float]] | None = None) -> gpd.GeoDataFrame:
    """The school register, indexed by code, with RD New points (EPSG:28992).

    Columns: code, institution, name, town, structure, has_vbo (bool), corop (str, may be empty),
    x, y (RD metres, NaN when the school has no coordinates), placement ("coordinates",
    "postcode-centroid" or "unplaced") and a point geometry.
    lat/lon are preferred over rd_x/rd_y, as the Swift reader does; a school whose coordinate fields
    are both empty is placed at the centroid of its 4-digit postcode when `postcodes` has it.
    """
    frame = read_table(path)
    code_column = find_column(frame, "brin6", "vestigingsnummer", "vestiging")
    codes = frame[code_column].map(normalise_code)
    bad = codes[~codes.map(is_well_formed)]
    if not bad.empty:
        raise SystemExit(f"{path}: malformed school code(s) {', '.join(bad.head(5))}")
    if codes.duplicated().any():
        raise SystemExit(f"{path}: duplicate school code(s) {', '.join(codes[codes.duplicated()].head(5))}")

    def text_column(*names: str) -> pd.Series:
        column = find_column(frame, *names, required=False)
        return frame[column] if column else pd.Series("", index=frame.index)

    lat, lon = find_column(frame, "lat", "latitude", required=False), find_column(frame, "lon", "longitude", "lng", required=False)
    rd_x, rd_y = find_column(frame, "rd_x", "x", required=False), find_column(frame, "rd_y", "y", required=False)
    if lat and lon:
        transformer = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
        x, y = transformer.transform(pd.to_numeric(frame[lon], errors="coerce").to_numpy(float),
                                     pd.to_numeric(frame[lat], errors="coerce").to_numpy(float))
        source = "lat/lon (WGS84, pyproj EPSG:4326->EPSG:28992 always_xy)"
    elif rd_x and rd_y:
        x = pd.to_numeric(frame[rd_x], errors="coerce").to_numpy(float)
        y = pd.to_numeric(frame[rd_y], errors="coerce").to_numpy(float)
        source = "rd_x/rd_y (EPSG:28992)"
    else:
        x = y = np.full(len(frame), np.nan)
        source = "none"
    x, y = np.array(x, float), np.array(y, float)
    placement = np.where(np.isfinite(x) & np.isfinite(y), "coordinates", "unplaced").astype(object)
    postcode_column = find_column(frame, "postcode", required=False)
    if postcodes is not None and postcode_column:
        pc4 = frame[postcode_column].str.extract(r"^([0-9]{4})(?![0-9])", expand=False).fillna("").to_numpy()
        for i in np.flatnonzero(placement == "unplaced"):
            if pc4[i] in postcodes:
                x[i], y[i] = postcodes[pc4[i]]
                placement[i] = "postcode-centroid"
    schools = gpd.GeoDataFrame(
        {
            "code": codes.to_numpy(),
            "institution": codes.str[:4].to_numpy(),
            "name": text_column("vestigingsnaam", "naam", "name").to_numpy(),
            "town": text_column("plaatsnaam", "plaats", "town").to_numpy(),
            "structure": text_column("onderwijsstructuur", "structure").to_numpy(),
            "has_vbo": text_column("has_vbo").str.lower().eq("true").to_numpy(),
            "corop": text_column("coropgebied_code", "COROPGEBIED CODE").to_numpy(),
            "x": x,
            "y": y,
            "placement": placement,
            "postcode": text_column("postcode").to_numpy(),
        },
        geometry=gpd.points_from_xy(x, y),
        crs="EPSG:28992",
        index=pd.Index(codes.to_numpy(), name="code_index"),
    )
    schools.attrs["coordinates"] = source
    return schools


def load_students(path: str, technical_routes: bool = False) -> pd.DataFrame:
    """Year 3+4 pupils per school code (men and women summed).

    Columns: counted (BB/KB/GL), technical (counted students in the five technical profiles, plus
    the technical routes when `technical_routes`), vmbo_upper (all vmbo year 3-4, TL included).
    Schools with no vmbo year 3-4 row have no entry.
    """
    frame = read_table(path)
    brin = find_column(frame, "BRIN NUMMER", "brin")
    location = find_column(frame, "VESTIGINGSNUMMER")
    kind = find_column(frame, "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", "ONDERWIJSTYPE")
    department = find_column(frame, "AFDELING")
    year_columns = [c for c in frame.columns if YEAR_3_4_COLUMN.search(c)]
    if len(year_columns) != 4:
        raise SystemExit(f"{path}: expected 4 year 3/4 man/vrouw columns, found {year_columns}")

    upper = frame[frame[kind].isin(VMBO_UPPER_TYPES)]
    pupils = upper[year_columns].replace("", "0").astype(int).sum(axis=1)
    codes = (upper[brin] + upper[location]).map(normalise_code)
    counted = upper[kind].isin(COUNTED_TYPES)
    technical_departments = TECHNICAL_PROFILES + (TECHNICAL_ROUTES if technical_routes else ())
    technical = counted & upper[department].isin(technical_departments)
    table = pd.DataFrame({
        "code": codes,
        "counted": pupils.where(counted, 0),
        "technical": pupils.where(technical, 0),
        "vmbo_upper": pupils,
    })
    return table.groupby("code").sum()


@dataclass
class RegionDeclaration:
    """One region of a pre-registration as written: codes in row order (normalised, non-empty)."""
    id: str
    name: str
    codes: list[str] = field(default_factory=list)
    lead: str | None = None
    # Every distinct non-empty regio_naam its rows give, in row order.
    names: list[str] = field(default_factory=list)


def load_registrations(path: str) -> dict[str, RegionDeclaration]:
    """Pre-registrations `regio_id;regio_naam;brin6;rol` (comma or semicolon separated), by region id
    in order of first appearance. A row with an empty brin6 only declares its region.

    Exits with a message for an empty region id, an unknown rol or a region with two leads.
    """
    text = read_text(path)
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    rows = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    rows.fieldnames = [f.strip().lower() for f in rows.fieldnames or []]
    for required in ("regio_id", "brin6"):
        if required not in rows.fieldnames:
            raise SystemExit(f"{path}: no column {required}; the header has: {', '.join(rows.fieldnames)}")
    regions: dict[str, RegionDeclaration] = {}
    for line, row in enumerate(rows, start=2):
        region_id = (row.get("regio_id") or "").strip()
        if not region_id:
            raise SystemExit(f"{path}:{line}: regio_id is empty")
        name = (row.get("regio_naam") or "").strip()
        region = regions.setdefault(region_id, RegionDeclaration(region_id, name))
        if name and name not in region.names:
            region.names.append(name)
        code = normalise_code(row.get("brin6") or "")
        role = (row.get("rol") or "").strip().lower()
        if role not in ("penvoerder", "lead", "deelnemer", "member", ""):
            raise SystemExit(f"{path}:{line}: rol '{role}' is neither penvoerder nor deelnemer")
        if code:
            region.codes.append(code)
        if role in ("penvoerder", "lead"):
            if region.lead is not None and region.lead != code:
                raise SystemExit(f"{path}:{line}: region {region_id} has a second penvoerder {code}")
            region.lead = code or None
    return regions
