"""Centroids of TopoJSON shapes (Natural Earth borders from world-atlas), with the standard library only.

scripts/build_gazetteer.py places each country at the centroid of its largest polygon: areas and centroids
are taken in an equal-area projection, holes count negative, rings crossing the antimeridian are unwrapped,
and a centroid that falls outside its polygon (a crescent, a U) moves to the nearest point inside.
"""
import math


def decode_arcs(topology):
    """A TopoJSON topology's arcs as lists of (longitude, latitude), undoing quantization and deltas."""
    transform = topology.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:  # quantized arcs store each position as a step from the one before
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def stitch(arcs, indices):
    """A ring from arc indices: ~i walks arc i backwards, and the point two arcs share appears once."""
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(ring, reference):
    """Longitudes made continuous near reference: a ring crossing the antimeridian (Chukotka) does not jump 360."""
    points, previous = [], reference
    for lon, lat in ring:
        previous = lon + 360 * round((previous - lon) / 360)
        points.append((previous, lat))
    return points


def polygons(geometry, arcs):
    """The polygons of a TopoJSON Polygon or MultiPolygon, each a list of rings (outer ring first)."""
    parts = {"Polygon": [geometry.get("arcs")], "MultiPolygon": geometry.get("arcs")}.get(geometry["type"])
    rings = [[stitch(arcs, ring) for ring in polygon] for polygon in parts or []]
    return [[unwrap(ring, polygon[0][0][0]) for ring in polygon] for polygon in rings if polygon and polygon[0]]


def ring_moments(ring, meridian):
    """Signed area and first moments of a ring in the sinusoidal (equal-area) projection about meridian."""
    points = [((lon - meridian) * math.cos(math.radians(lat)), lat) for lon, lat in ring]
    area = moment_x = moment_y = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        area, moment_x, moment_y = area + cross, moment_x + (x0 + x1) * cross, moment_y + (y0 + y1) * cross
    return area / 2, moment_x / 6, moment_y / 6


def polygon_centroid(polygon):
    """Equal-area size and area-weighted centroid (latitude, longitude) of a polygon; holes count negative."""
    longitudes = [lon for lon, _ in polygon[0]]
    meridian = (min(longitudes) + max(longitudes)) / 2
    total = sum_x = sum_y = 0.0
    for number, ring in enumerate(polygon):
        area, moment_x, moment_y = ring_moments(ring, meridian)
        # ring direction differs between files, so the outer ring adds and each hole subtracts by size
        sign = math.copysign(1.0, area) * (1 if number == 0 else -1)
        total, sum_x, sum_y = total + sign * area, sum_x + sign * moment_x, sum_y + sign * moment_y
    if total <= 0:
        return 0.0, None
    latitude = sum_y / total
    return total, (latitude, meridian + sum_x / total / math.cos(math.radians(latitude)))


def contains(polygon, latitude, longitude):
    """True when the point lies inside the polygon's outer ring and outside its holes (even-odd rule)."""
    inside = False
    for ring in polygon:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 > latitude) != (y1 > latitude) and longitude < x0 + (latitude - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def inside_point(polygon, latitude, longitude, steps=40):
    """The point itself when inside the polygon, else the nearest inside cell centre of a grid on its box."""
    if contains(polygon, latitude, longitude):
        return latitude, longitude
    lons, lats = zip(*polygon[0])
    width, height = (max(lons) - min(lons)) / steps, (max(lats) - min(lats)) / steps
    cells = [(min(lats) + (row + 0.5) * height, min(lons) + (col + 0.5) * width)
             for row in range(steps) for col in range(steps)]
    shrink = math.cos(math.radians(latitude))  # a degree of longitude is shorter away from the equator
    cells.sort(key=lambda c: ((c[0] - latitude) ** 2 + ((c[1] - longitude) * shrink) ** 2, c))
    return next((cell for cell in cells if contains(polygon, *cell)), None)


def centroids_by_id(topology, layer="countries"):
    """Geometry id -> (latitude, longitude) of the centroid of the largest polygon among that id's shapes."""
    arcs = decode_arcs(topology)
    largest = {}
    for geometry in topology["objects"][layer]["geometries"]:
        key = geometry.get("id")
        for polygon in polygons(geometry, arcs) if key is not None else []:
            area, centroid = polygon_centroid(polygon)
            # the largest part only: French Guiana or Svalbard must not pull France or Norway off the mainland
            if centroid and area > largest.get(key, (0.0,))[0]:
                largest[key] = (area, polygon, centroid)
    points = {key: inside_point(polygon, *centroid) for key, (_, polygon, centroid) in largest.items()}
    # unwrapped longitudes may pass 180; bring them back into [-180, 180)
    return {key: (point[0], (point[1] + 180) % 360 - 180) for key, point in points.items() if point}
