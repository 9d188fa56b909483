import Foundation
import RegioDomain
import RegioSpatial

/// The geometry the checks measure with, RD New metres.
extension Checks {
    /// Overlaps above this are reported by the audit with default settings, m².
    static let overlapTolerance = settings.overlapToleranceSquareKilometers * 1_000_000
    /// Region pairs whose territories may overlap: the planted crossing pair and the side effects that
    /// PLANTED.md lists (the split-close pair, the double-listed school, the small region, the enclave).
    static let allowedOverlaps: Set<[RegionRole]> = [
        [.crossWestEast, .crossNorthSouth], [.southWest, .westCoast], [.southEast, .east],
        [.largeArea, .smallInside], [.enclaveHost, .enclaveOwner],
    ]

    /// The audit's own territory method (RegioDomain's ``TerritoryBuilder`` with the default settings) over
    /// the demo's municipalities.
    static func territoryBuilder(_ data: DemoDataset, shapes: MunicipalityShapes) throws -> TerritoryBuilder {
        let municipalities = data.municipalities.indices.map {
            Municipality(code: data.municipalities[$0].statcode, name: data.municipalities[$0].name, geometry: shapes.polygons[$0])
        }
        return try TerritoryBuilder(map: MunicipalityMap(municipalities, in: shapes.context), settings: settings)
    }

    /// A region's territory as the audit draws it with default settings: its schools grouped by single
    /// linkage within the fragment gap, each group's buffered hull clipped to the map. `nil` without
    /// schools. RD New.
    static func territory(of points: [Point], builder: TerritoryBuilder) throws -> Geometry? {
        guard !points.isEmpty else { return nil }
        return try builder.territory(points: points, groups: singleLinkageGroups(points, within: settings.fragmentGapMeters)).geometry
    }

    /// The convex hull of `region`'s schools (RD New).
    static func hull(of region: RegionRole, _ data: DemoDataset, _ positions: [Point],
                     _ context: GeometryContext) throws -> Geometry {
        let points = try data.members(of: region).map { try context.point(positions[$0]) }
        return try context.collection(.multiPoint, of: points).convexHull()
    }

    /// Whether `school` lies inside the convex hull of `region`'s schools, at least 2 km from its edge.
    static func surrounded(_ school: Int, by region: RegionRole, _ data: DemoDataset, _ positions: [Point],
                           _ context: GeometryContext) throws -> Bool {
        let hull = try hull(of: region, data, positions, context)
        let p = try context.point(positions[school])
        guard try hull.contains(p) else { return false }
        let boundary = try context.lineString((hull.polygonRings.first ?? []))
        return try boundary.distance(to: p) >= 2_000
    }

    /// The longest edge of the minimum spanning tree of `points` (Prim), metres: the smallest gap
    /// setting at which the points form one group.
    static func largestGap(_ points: [Point]) -> Double {
        guard points.count > 1 else { return 0 }
        var inTree = [true] + Array(repeating: false, count: points.count - 1)
        var best = points.map { $0.distance(to: points[0]) }
        var largest = 0.0
        for _ in 1..<points.count {
            var next = -1
            for i in points.indices where !inTree[i] && (next < 0 || best[i] < best[next]) { next = i }
            inTree[next] = true
            largest = max(largest, best[next])
            for i in points.indices where !inTree[i] { best[i] = min(best[i], points[i].distance(to: points[next])) }
        }
        return largest
    }

    /// RD New → WGS84 rounded to `decimals` → RD New, as a reader of the written files sees the points.
    static func roundTrip(_ points: [Point], decimals: [Int]) throws -> [Point] {
        var wgs84 = points
        try Projection(from: .rdNew, to: .wgs84).transform(&wgs84)
        for i in wgs84.indices {
            let scale = pow(10.0, Double(decimals[i]))
            wgs84[i] = Point(x: (wgs84[i].x * scale).rounded() / scale, y: (wgs84[i].y * scale).rounded() / scale)
        }
        try Projection(from: .wgs84, to: .rdNew).transform(&wgs84)
        return wgs84
    }
}
