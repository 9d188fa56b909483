import CPROJ
import Foundation

/// Where a CRS may be used, by PROJ's database (`proj_get_area_of_use`): a longitude/latitude box and the same
/// box in the CRS's own coordinates. A coordinate outside it is not a place the CRS describes: a coordinate of
/// 1e20 in an RD New file, or degrees in a file that says it is in metres.
public struct AreaOfUse: Sendable, Equatable {
    /// PROJ's name of the area ("Netherlands - onshore, including Waddenzee, …").
    public let name: String
    /// The box in degrees (WGS 84): west, south, east, north.
    public let west: Double, south: Double, east: Double, north: Double
    /// The box grown by ``marginDegrees`` on every side, in the CRS's coordinates (x = easting or longitude).
    public let bounds: Envelope

    /// The tolerance around PROJ's box, in degrees (about 70 to 110 km in the Netherlands): areas of use are
    /// drawn tightly around land, and a map's coastal water or a neighbour's border strip may reach past them.
    public static let marginDegrees = 1.0

    /// Whether `point` (in the CRS's coordinates) is finite and inside ``bounds``.
    public func contains(_ point: Point) -> Bool {
        point.x.isFinite && point.y.isFinite && bounds.contains(point)
    }

    /// The area of use of `crs`, computed once per CRS.
    /// - Throws: ``SpatialError`` `.unknownCRS` when PROJ does not know `crs` or gives no area for it.
    public static func of(_ crs: CoordinateReferenceSystem) throws(SpatialError) -> AreaOfUse {
        if let known = Cache.lock.withLock({ Cache.areas[crs] }) { return known }
        let area = try make(crs)
        Cache.lock.withLock { Cache.areas[crs] = area }
        return area
    }

    private enum Cache {
        static let lock = NSLock()
        nonisolated(unsafe) static var areas: [CoordinateReferenceSystem: AreaOfUse] = [:]
    }

    private static func make(_ crs: CoordinateReferenceSystem) throws(SpatialError) -> AreaOfUse {
        // proj_context_create returns NULL only when out of memory.
        guard let context = proj_context_create() else {
            throw SpatialError(.projection, operation: "creating a PROJ context")
        }
        defer { proj_context_destroy(context) }
        proj_log_level(context, PJ_LOG_NONE)
        proj_context_set_enable_network(context, 0)
        // NULL when the CRS is unknown.
        guard let object = proj_create(context, crs.identifier) else {
            throw SpatialError(.unknownCRS, operation: "finding the area of use of \(crs)")
        }
        defer { proj_destroy(object) }
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        var namePointer: UnsafePointer<CChar>?
        // Returns 1 on success; the bounds are -1000 when unknown; the name belongs to `object`.
        guard proj_get_area_of_use(context, object, &west, &south, &east, &north, &namePointer) == 1,
              west > -1000, south > -1000, east > -1000, north > -1000 else {
            throw SpatialError(.unknownCRS, operation: "finding the area of use of \(crs)",
                               libraryMessage: "PROJ's database gives none")
        }
        var name = namePointer.map { String(cString: $0) } ?? "unnamed"
        if name.hasSuffix(".") { name.removeLast() }
        // An area across the antimeridian has west > east: the whole band of longitudes is taken.
        if west > east { (west, east) = (-180, 180) }
        let m = marginDegrees
        let box = (west: max(-180, west - m), south: max(-90, south - m), east: min(180, east + m), north: min(90, north + m))
        // The box's edges, sampled, in the CRS's coordinates (a projected box is curved: the corners are not enough).
        var samples: [Point] = []
        let steps = 20
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let lon = box.west + t * (box.east - box.west), lat = box.south + t * (box.north - box.south)
            samples += [Point(x: lon, y: box.south), Point(x: lon, y: box.north),
                        Point(x: box.west, y: lat), Point(x: box.east, y: lat)]
        }
        try Projection.cached(from: .wgs84, to: crs).transform(&samples)
        guard let bounds = Envelope(points: samples.filter { $0.x.isFinite && $0.y.isFinite }) else {
            throw SpatialError(.projection, operation: "projecting the area of use of \(crs) (\(name))")
        }
        return AreaOfUse(name: name, west: west, south: south, east: east, north: north, bounds: bounds)
    }
}
