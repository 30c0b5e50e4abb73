"""Build ``src/vigia/data/americas.json``: the outlines of the OAS member states, for the maps.

The outlines are Natural Earth's, at 1:50 million, as the npm package world-atlas carries them in
TopoJSON; this script is run at build time, never by Vigía, and needs no network once the package
is fetched::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_map.py package/countries-50m.json [iso_3166-1.json]

The second argument defaults to ``/usr/share/iso-codes/json/iso_3166-1.json``. It decodes the
TopoJSON arcs, keeps the member states (ISO numeric codes matched to alpha-3 codes with Debian's
``iso-codes``), rounds coordinates to one decimal (about ten kilometres), simplifies each ring
(Douglas-Peucker, 0.05 degrees), drops the rings that rounding reduces to nothing and islands under
0.02 square degrees (but never a state's largest piece), and writes a GeoJSON FeatureCollection
whose features have ``iso3`` and ``centre`` (the mean of the largest ring's points, for markers) as
properties.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ROOT / "src" / "vigia" / "data" / "countries.json"
OUTPUT = ROOT / "src" / "vigia" / "data" / "americas.json"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")

Ring = list[list[float]]
#: Islands smaller than this (square degrees, about 250 km² at the equator) are left out.
SMALLEST = 0.02
#: How far (in degrees) a point may lie from the simplified outline.
TOLERANCE = 0.05


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """The arcs of a quantized TopoJSON topology as longitude, latitude points."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"].values()
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([x * scale_x + move_x, y * scale_y + move_y])
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[Ring]) -> Ring:
    """A ring from arc indices (a negative index ~i is arc i reversed), shared points once."""
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def rounded(points: Ring) -> Ring:
    kept: Ring = []
    for x, y in points:
        point = [round(x, 1), round(y, 1)]
        if not kept or point != kept[-1]:
            kept.append(point)
    return kept


def simplified(points: Ring, tolerance: float = TOLERANCE) -> Ring:
    """The ring with the points that lie within ``tolerance`` degrees of the line between their
    neighbours left out (Douglas-Peucker), its first and last points kept."""
    if len(points) < 4:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    farthest, distance = 0, -1.0
    for index in range(1, len(points) - 1):
        x, y = points[index]
        if length:
            away = abs((y1 - y0) * x - (x1 - x0) * y + x1 * y0 - y1 * x0) / length
        else:
            away = ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
        if away > distance:
            farthest, distance = index, away
    if distance <= tolerance:
        return [points[0], points[-1]]
    left = simplified(points[: farthest + 1], tolerance)
    return left[:-1] + simplified(points[farthest:], tolerance)


def area(points: Ring) -> float:
    """The ring's area in square degrees (shoelace formula)."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def polygons(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    """The state's polygons in the western hemisphere (the Aleutians west of 180° left out, so
    that a map fits the Americas); islands under :data:`SMALLEST` square degrees are left out,
    except the largest piece of a state (so that Saint Kitts and Nevis keeps its outline)."""
    shapes = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    result = []
    for shape in shapes:
        rings = [simplified(rounded(ring(indices, arcs))) for indices in shape]
        rings = [points for points in rings if len(points) >= 4]
        if rings:
            result.append(rings)
    result = [rings for rings in result if max(x for x, _ in rings[0]) < 0]  # west of 180°
    largest = max(result, key=lambda rings: area(rings[0]))
    return [rings for rings in result if rings is largest or area(rings[0]) >= SMALLEST]


def centre(shapes: list[list[Ring]]) -> list[float]:
    largest = max((shape[0] for shape in shapes), key=len)
    return [
        round(sum(x for x, _ in largest) / len(largest), 2),
        round(sum(y for _, y in largest) / len(largest), 2),
    ]


def main(topology_path: Path, iso_path: Path = ISO_CODES) -> None:
    topology = json.loads(topology_path.read_text(encoding="utf-8"))
    numeric = {
        record["numeric"]: record["alpha_3"]
        for record in json.loads(iso_path.read_text(encoding="utf-8"))["3166-1"]
    }
    members = {
        entry["iso3"]
        for entry in json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"]
        if entry.get("oas_member")
    }
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = numeric.get(geometry.get("id", ""))
        if iso3 not in members:
            continue
        shapes = polygons(geometry, arcs)
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "centre": centre(shapes)},
                "geometry": {"type": "MultiPolygon", "coordinates": shapes},
            }
        )
    features.sort(key=lambda feature: feature["properties"]["iso3"])
    missing = sorted(members - {feature["properties"]["iso3"] for feature in features})
    if missing:
        raise SystemExit(f"no outline for {', '.join(missing)} in {topology_path}")
    collection = {
        "about": (
            "Outlines of the OAS member states for Vigía's maps: Natural Earth 1:50m (public"
            " domain) from the npm package world-atlas 2.0.2, built by scripts/build_map.py."
            " Coordinates are longitude, latitude rounded to one decimal; 'centre' is where a"
            " state's marker goes."
        ),
        "type": "FeatureCollection",
        "features": features,
    }
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(features)} states to {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(Path(argument) for argument in sys.argv[2:3]))
