import RegioSpatial

/// Writes an ``ExportLayer`` as an RFC 7946 GeoJSON FeatureCollection: coordinates projected from
/// EPSG:28992 (RD New) to WGS 84 longitude/latitude (in that order) with PROJ, one batch per layer, rounded
/// to 6 decimals (about 0.1 m); polygon exterior rings counter-clockwise and holes clockwise
/// (RFC 7946 §3.1.6). Properties keep the layer's field order and names. One feature per line, so that diffs
/// stay readable. Map layers only: an attribute table (features without geometry) is written as CSV
/// (``ExportCSV``), never as null geometries.
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
        // Pass 2: project every point at once, and round to the written precision.
        try Projection.cached(from: .rdNew, to: .wgs84).transform(&points)
        let scale = (0..<coordinateDecimals).reduce(1.0) { value, _ in value * 10 }
        let exact = points
        for i in points.indices {
            points[i] = Point(x: (points[i].x * scale).rounded() / scale, y: (points[i].y * scale).rounded() / scale)
        }
        // Pass 2b: rounding can make a polygon with narrow slivers invalid (a hole collapses, two rings come
        // to cross); such a polygon is snapped to the grid by GEOS instead, which keeps it valid.
        if shapes.contains(where: { $0?.isPolygonal == true }), let context = layer.features.lazy.compactMap(\.geometry).first?.context {
            try repairRounded(&shapes, points: &points, exact: exact, in: context, gridSize: 1 / scale)
        }

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

    /// Replaces every polygonal shape whose rounded rings (`points`) are not a valid polygon by its unrounded
    /// polygon (`exact`, the same layout) snapped to the grid with GEOS, keeping every other shape's points.
    static func repairRounded(_ shapes: inout [Shape?], points: inout [Point], exact: [Point],
                              in context: GeometryContext, gridSize: Double) throws(SpatialError) {
        func polygonal(_ polygons: [[[Point]]]) throws(SpatialError) -> Geometry {
            let built = try polygons.map { rings throws(SpatialError) in
                try context.polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
            }
            return built.count == 1 ? built[0] : try context.collection(.multiPolygon, of: built)
        }
        var repaired: [Point] = []
        repaired.reserveCapacity(points.count)
        var cursor = 0
        for index in shapes.indices {
            guard let shape = shapes[index] else { continue }
            let count = shape.pointCount
            let range = cursor..<(cursor + count)
            let own = Array(points[range])
            cursor += count
            if let polygons = shape.polygonRings(own), !(try polygonal(polygons).isValid),
               let unrounded = shape.polygonRings(Array(exact[range])) {
                do {
                    var geometry = try polygonal(unrounded)
                    if !geometry.isValid, let valid = try context.exportMultiPolygon(try geometry.makeValid()) {
                        geometry = valid
                    }
                    let snapped = try geometry.snappedToGrid(gridSize)
                    shapes[index] = snapped.isEmpty ? nil : try Shape.make(snapped, points: &repaired)
                    continue
                } catch {
                    // GEOS could not snap it (the unrounded polygon itself is not quite valid): write it as it is.
                }
            }
            repaired.append(contentsOf: own)
        }
        points = repaired
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

        var isPolygonal: Bool {
            switch self {
            case .polygon, .multiPolygon: return true
            default: return false
            }
        }

        /// How many points of the shared array it uses.
        var pointCount: Int {
            switch self {
            case .point: return 1
            case .multiPoint(let count), .lineString(let count): return count
            case .multiLineString(let counts): return counts.reduce(0, +)
            case .polygon(let rings): return rings.reduce(0, +)
            case .multiPolygon(let polygons): return polygons.reduce(0) { $0 + $1.reduce(0, +) }
            case .collection(let members): return members.reduce(0) { $0 + $1.pointCount }
            }
        }

        /// A polygonal shape's rings (exterior first, per polygon) cut from its own `points`; `nil` for others.
        func polygonRings(_ points: [Point]) -> [[[Point]]]? {
            let polygons: [[Int]]
            switch self {
            case .polygon(let rings): polygons = [rings]
            case .multiPolygon(let list): polygons = list
            default: return nil
            }
            var cursor = 0
            return polygons.map { rings in
                rings.map { count in
                    defer { cursor += count }
                    return Array(points[cursor..<(cursor + count)])
                }
            }
        }

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
