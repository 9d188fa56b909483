import RegioSpatial

/// Writes an ``ExportLayer`` as an RFC 7946 GeoJSON FeatureCollection: coordinates projected from
/// EPSG:28992 (RD New) to WGS 84 longitude/latitude (in that order) with PROJ, one batch per layer, rounded
/// to 6 decimals (about 0.1 m); polygon exterior rings counter-clockwise and holes clockwise
/// (RFC 7946 §3.1.6); a feature without a location has `"geometry": null`. Properties keep the layer's field
/// order and names. One feature per line, so that diffs stay readable.
public enum GeoJSONWriter {
    /// Digits after the decimal point of a coordinate (6 decimals of a degree ≈ 0.11 m).
    public static let coordinateDecimals = 6

    /// The FeatureCollection of `layer`, UTF-8 bytes.
    /// - Throws: ``SpatialError`` when a geometry cannot be read or PROJ cannot project the coordinates.
    public static func featureCollection(_ layer: ExportLayer) throws(SpatialError) -> [UInt8] {
        // Pass 1: the shape of every geometry, its points (RD metres) appended to one array.
        var points: [Point] = []
        var shapes: [Shape?] = []
        shapes.reserveCapacity(layer.features.count)
        for feature in layer.features {
            guard let geometry = feature.geometry, !geometry.isEmpty else { shapes.append(nil); continue }
            shapes.append(try Shape.make(geometry, points: &points))
        }
        // Pass 2: project every point at once.
        try Projection.cached(from: .rdNew, to: .wgs84).transform(&points)

        // Pass 3: write, consuming the projected points in the order pass 1 appended them.
        var out: [UInt8] = []
        out.reserveCapacity(points.count * 24 + layer.features.count * 64 * max(1, layer.fields.count / 2) + 256)
        let keys = layer.fields.map { field -> [UInt8] in
            var key: [UInt8] = []
            JSONText.appendString(field.name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        out.append(contentsOf: #"{"type":"FeatureCollection","name":"#.utf8)
        JSONText.appendString(layer.name, to: &out)
        out.append(contentsOf: #","features":["#.utf8)
        var cursor = 0
        for (index, feature) in layer.features.enumerated() {
            out.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
            out.append(contentsOf: #"{"type":"Feature","geometry":"#.utf8)
            if let shape = shapes[index] {
                shape.write(points, cursor: &cursor, to: &out)
            } else {
                out.append(contentsOf: "null".utf8)
            }
            out.append(contentsOf: #","properties":{"#.utf8)
            for (i, value) in feature.values.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: keys[i])
                JSONText.append(value, to: &out)
            }
            out.append(contentsOf: "}}".utf8)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return out
    }

    /// The structure of one geometry; its coordinates live in a shared array, in traversal order.
    indirect enum Shape {
        case point
        case multiPoint(count: Int)
        case lineString(count: Int)
        case multiLineString(counts: [Int])
        /// Ring sizes, exterior first.
        case polygon(rings: [Int])
        case multiPolygon(polygons: [[Int]])
        case collection([Shape])

        /// The shape of `geometry`, appending its points to `points`. Polygons are oriented per RFC 7946
        /// first; lines keep their direction.
        static func make(_ geometry: Geometry, points: inout [Point]) throws(SpatialError) -> Shape {
            switch geometry.kind {
            case .point:
                points.append(contentsOf: geometry.coordinates.prefix(1))
                return .point
            case .lineString, .linearRing:
                let c = geometry.coordinates
                points.append(contentsOf: c)
                return .lineString(count: c.count)
            case .multiPoint:
                let parts = geometry.parts.flatMap { $0.coordinates.prefix(1) }
                points.append(contentsOf: parts)
                return .multiPoint(count: parts.count)
            case .multiLineString:
                var counts: [Int] = []
                for part in geometry.parts {
                    let c = part.coordinates
                    points.append(contentsOf: c)
                    counts.append(c.count)
                }
                return .multiLineString(counts: counts)
            case .polygon:
                let rings = try geometry.orientedForGeoJSON().polygonRings
                for ring in rings { points.append(contentsOf: ring) }
                return .polygon(rings: rings.map(\.count))
            case .multiPolygon:
                let polygons = try geometry.orientedForGeoJSON().polygons
                for polygon in polygons { for ring in polygon { points.append(contentsOf: ring) } }
                return .multiPolygon(polygons: polygons.map { $0.map(\.count) })
            case .geometryCollection:
                var members: [Shape] = []
                for part in geometry.parts where !part.isEmpty { members.append(try make(part, points: &points)) }
                return .collection(members)
            }
        }

        func write(_ points: [Point], cursor: inout Int, to out: inout [UInt8]) {
            func type(_ name: String) {
                out.append(contentsOf: #"{"type":""#.utf8)
                out.append(contentsOf: name.utf8)
                out.append(contentsOf: #"","coordinates":"#.utf8)
            }
            func position() {
                let p = points[cursor]
                cursor += 1
                out.append(UInt8(ascii: "["))
                JSONText.appendFixed(p.x, decimals: GeoJSONWriter.coordinateDecimals, to: &out)
                out.append(UInt8(ascii: ","))
                JSONText.appendFixed(p.y, decimals: GeoJSONWriter.coordinateDecimals, to: &out)
                out.append(UInt8(ascii: "]"))
            }
            func sequence(_ count: Int) {
                out.append(UInt8(ascii: "["))
                for i in 0..<count {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    position()
                }
                out.append(UInt8(ascii: "]"))
            }
            func list<T>(_ items: [T], _ body: (T) -> Void) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    body(item)
                }
                out.append(UInt8(ascii: "]"))
            }
            switch self {
            case .point:
                type("Point"); position()
            case .multiPoint(let count):
                type("MultiPoint"); sequence(count)
            case .lineString(let count):
                type("LineString"); sequence(count)
            case .multiLineString(let counts):
                type("MultiLineString"); list(counts) { sequence($0) }
            case .polygon(let rings):
                type("Polygon"); list(rings) { sequence($0) }
            case .multiPolygon(let polygons):
                type("MultiPolygon"); list(polygons) { rings in list(rings) { sequence($0) } }
            case .collection(let members):
                out.append(contentsOf: #"{"type":"GeometryCollection","geometries":"#.utf8)
                out.append(UInt8(ascii: "["))
                for (i, member) in members.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    member.write(points, cursor: &cursor, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
