import RegioSpatial

/// The municipalities of one map, with a spatial index and prepared polygons built once for
/// point-in-polygon placement. Coordinates are EPSG:28992 (RD New) metres.
public final class MunicipalityMap {
    public let municipalities: [Municipality]
    public let context: GeometryContext
    private let index: SpatialIndex
    private let prepared: [PreparedGeometry]
    private let positionByCode: [String: Int]

    public init(_ municipalities: [Municipality], in context: GeometryContext) throws(SpatialError) {
        self.municipalities = municipalities
        self.context = context
        index = try SpatialIndex(municipalities.map(\.geometry), in: context)
        var prepared: [PreparedGeometry] = []
        prepared.reserveCapacity(municipalities.count)
        for m in municipalities { prepared.append(try PreparedGeometry(m.geometry)) }
        self.prepared = prepared
        var positions: [String: Int] = [:]
        for (i, m) in municipalities.enumerated() { positions[m.code] = i }
        positionByCode = positions
    }

    public var count: Int { municipalities.count }

    public subscript(code: String) -> Municipality? {
        positionByCode[code].map { municipalities[$0] }
    }

    /// The position of the municipality with `code` in ``municipalities``.
    public func position(of code: String) -> Int? { positionByCode[code] }

    /// Total area in km².
    public var areaSquareKilometers: Double { municipalities.reduce(0) { $0 + $1.areaSquareKilometers } }

    /// The bounding box of all municipalities, in RD metres.
    public var envelope: Envelope? {
        municipalities.compactMap(\.geometry.envelope).reduce(nil) { $0?.union($1) ?? $1 }
    }

    /// The position of the municipality that covers `point` (RD metres), or `nil`. When two cover it
    /// (a point on a shared border) the first in map order wins.
    public func municipalityPosition(covering point: Point) -> Int? {
        for candidate in index.query(Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y))
        where prepared[candidate].covers(point) {
            return candidate
        }
        return nil
    }

    /// The nearest municipality to `point` and its distance in metres; `nil` for an empty map.
    public func nearestMunicipality(to point: Point) -> (position: Int, distanceMeters: Double)? {
        guard let probe = try? context.point(point) else { return nil }
        // Widen the search window until it finds candidates, then measure exactly.
        var radius = 1_000.0
        while radius < 100_000_000 {
            let candidates = index.query(around: point, within: radius)
            if !candidates.isEmpty {
                var best: (Int, Double)?
                for c in candidates {
                    guard let d = try? prepared[c].distance(to: probe) else { continue }
                    if best == nil || d < best!.1 { best = (c, d) }
                }
                // A candidate inside the window may still be farther than one just outside it:
                // accept only when the best distance is within the window radius.
                if let best, best.1 <= radius { return best }
            }
            radius *= 4
        }
        return nil
    }
}
