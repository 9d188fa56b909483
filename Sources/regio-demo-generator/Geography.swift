import RegioSpatial

/// Raised when a random draw (grid jitter, a school position) does not fit the design; the generator
/// then draws again from the same random stream, so the outcome stays a function of the seed.
struct DrawRejected: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// The municipality polygons as GEOS geometries, for point-in-polygon and boundary-distance tests.
/// Coordinates are RD New metres.
final class MunicipalityShapes {
    let context: GeometryContext
    let polygons: [Geometry]
    private let prepared: [PreparedGeometry]
    private let boundaries: [Geometry]

    /// Builds one polygon per ring (counter-clockwise, not closed). Throws when GEOS cannot build one.
    init(rings: [[Point]], context: GeometryContext) throws {
        self.context = context
        var polygons: [Geometry] = [], prepared: [PreparedGeometry] = [], boundaries: [Geometry] = []
        for ring in rings {
            let polygon = try context.polygon(exterior: ring)
            polygons.append(polygon)
            prepared.append(try PreparedGeometry(polygon))
            boundaries.append(try context.lineString(ring + [ring[0]]))
        }
        self.polygons = polygons
        self.prepared = prepared
        self.boundaries = boundaries
    }

    /// Whether `point` lies inside municipality `index`, at least `margin` metres from its boundary.
    func contains(_ point: Point, municipality index: Int, margin: Double) throws -> Bool {
        guard prepared[index].covers(point) else { return false }
        return try distanceToBoundary(point, municipality: index) >= margin
    }

    /// Distance from `point` to the boundary of municipality `index`, metres.
    func distanceToBoundary(_ point: Point, municipality index: Int) throws -> Double {
        try boundaries[index].distance(to: try context.point(point))
    }

    /// The municipalities whose polygon covers `point` (one, unless it lies on a shared border).
    func municipalities(covering point: Point) -> [Int] {
        prepared.indices.filter { prepared[$0].covers(point) }
    }
}

/// A place that gives schools their PLAATSNAAM and postcodes their centroid: a municipality's main
/// town or a village in it.
struct Settlement {
    let name: String
    let municipality: Int
    /// RD New metres.
    let centre: Point
    let isMainTown: Bool
}

/// A fictional four-digit postcode area (PC4), as a row of the PC4 centroid file.
struct PostcodeArea {
    let code: Int
    let settlement: Int
    /// The centroid, RD New metres.
    let centroid: Point
    /// "Adres" or "Postbus", as in the 4pp file's `soort` column.
    let kind: String
}
