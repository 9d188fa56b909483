import RegioDomain
import RegioSpatial

/// Turns raw features (rings in the file's CRS) into areas (``Municipality`` values) in EPSG:28992: projects
/// every coordinate in one PROJ batch, builds the GEOS polygons and repairs invalid ones (``PolygonRepair``).
enum PolygonLayerAssembler {
    /// `declaredAs` is the CRS as the file names it (for messages); `problems` are those found while reading.
    static func assemble(_ raw: RawPolygonLayer, from source: CoordinateReferenceSystem, crsSource: String,
                         declaredAs: String? = nil, problems: [InputProblem],
                         in context: GeometryContext) throws(InputError) -> PolygonLayer {
        let file = raw.file
        var points = raw.points
        let origin = declaredAs.map { "\(crsSource) '\($0)'" } ?? crsSource
        try project(&points, raw: raw, from: source, crsSource: origin)

        var problems = problems
        var municipalities: [Municipality] = []
        municipalities.reserveCapacity(raw.features.count)
        var empty: [RawPolygonLayer.Feature] = []
        for feature in raw.features {
            let geometry: Geometry
            if feature.polygons.isEmpty {
                // An empty geometry (GeoJSON "coordinates": []): kept, so that its code is known, but it covers
                // nothing; schools are never placed in it.
                empty.append(feature)
                do { geometry = try context.emptyPolygon() } catch {
                    throw InputError(.badGeometry, file: file, feature: feature.label, message: "cannot create an empty polygon: \(error)")
                }
            } else {
                let repaired = try PolygonRepair.valid(try build(feature, points: points, file: file, in: context),
                                                       file: file, feature: feature.label)
                if let problem = repaired.problem { problems.append(problem) }
                geometry = repaired.geometry
            }
            municipalities.append(Municipality(code: feature.code, name: feature.name ?? feature.code, geometry: geometry))
        }

        if let example = empty.first {
            problems.append(InputProblem(
                kind: "empty-geometry", severity: .warning, file: file, feature: example.label,
                message: "\(empty.count) of \(raw.features.count) features have an empty geometry "
                    + "(\(empty.prefix(5).map(\.label).joined(separator: ", "))\(empty.count > 5 ? ", …" : "")): they cover nothing"))
        }
        let unnamed = raw.features.filter { $0.name == nil }
        if let example = unnamed.first {
            problems.append(InputProblem(
                kind: "missing-municipality-name", severity: .info, file: file,
                message: "\(unnamed.count) of \(raw.features.count) features have no name property "
                    + "(e.g. feature \(example.label)); their code is used as the name"))
        }
        let unusual = raw.features.filter { !FeatureIdentity.isCBSCode($0.code) }
        if let example = unusual.first {
            problems.append(InputProblem(
                kind: "unusual-municipality-code", severity: .warning, file: file,
                message: "\(unusual.count) of \(raw.features.count) codes are not CBS codes (GM + 4 digits), "
                    + "e.g. '\(example.code)' in feature \(example.index); schools' municipality numbers will not match them"))
        }
        var measures: [String: Double] = [:]
        for feature in raw.features { if let measure = feature.measure { measures[feature.code] = measure } }
        return PolygonLayer(municipalities: municipalities, sourceCRS: source, crsSource: crsSource,
                                 problems: problems, measures: measures, sourceEnvelope: Envelope(points: raw.points))
    }

    /// Projects `points` from `source` to EPSG:28992 in one batch; throws `unknownCRS` when PROJ does not know
    /// `source` and `badValue` naming the feature and coordinate when a point cannot be projected.
    static func project(_ points: inout [Point], raw: RawPolygonLayer, from source: CoordinateReferenceSystem,
                        crsSource: String) throws(InputError) {
        // Longitude/latitude stated (by a crs member or --crs) for coordinates that cannot be degrees.
        if source == .wgs84, let index = points.firstIndex(where: { abs($0.x) > 180 || abs($0.y) > 90 }) {
            let p = points[index]
            throw InputError(.unknownCRS, file: raw.file, feature: raw.feature(owning: index)?.label,
                             message: "coordinate (\(p.x), \(p.y)) is not longitude/latitude, but the CRS is \(source) "
                                 + "(\(crsSource)): the CRS contradicts the coordinates, which look projected (RD New "
                                 + "metres?); pass the CRS they are in, e.g. --crs EPSG:28992")
        }
        try checkAreaOfUse(points, raw: raw, of: source, crsSource: crsSource)
        // Already RD New: nothing to transform (and PROJ need not be asked).
        guard source != .rdNew else { return }
        let projection: Projection
        do {
            projection = try Projection.cached(from: source, to: .rdNew)
        } catch {
            throw InputError(.unknownCRS, file: raw.file,
                             message: "CRS \(source) (\(crsSource)) cannot be used: \(error); "
                                 + "expected a CRS PROJ knows, e.g. --crs EPSG:28992 or EPSG:4326")
        }
        let original = points
        do {
            try projection.transform(&points)
        } catch {
            // The whole batch failed: name the first coordinate that does not project on its own.
            let culprit = original.indices.first { (try? projection.transform(original[$0]))?.x.isFinite != true }
            throw notProjectable(culprit, original: original, raw: raw, source: source, reason: error.description)
        }
        if let culprit = points.indices.first(where: { !points[$0].x.isFinite || !points[$0].y.isFinite }) {
            throw notProjectable(culprit, original: original, raw: raw, source: source, reason: nil)
        }
    }

    /// Throws `badValue` naming the feature when a coordinate is not finite or lies outside the area where
    /// `source` is defined (``AreaOfUse``): such a coordinate is a broken or mislabelled file, and would
    /// overflow every measure made from it (map frames, areas, distances).
    static func checkAreaOfUse(_ points: [Point], raw: RawPolygonLayer, of source: CoordinateReferenceSystem,
                               crsSource: String) throws(InputError) {
        // A CRS PROJ does not know has no area: the projection that follows says so, in PROJ's words.
        guard let area = try? AreaOfUse.of(source) else {
            if let index = points.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
                throw InputError(.badValue, file: raw.file, feature: raw.feature(owning: index)?.label,
                                 message: "coordinate (\(points[index].x), \(points[index].y)) is not a finite number")
            }
            return
        }
        guard let index = points.firstIndex(where: { !area.contains($0) }) else { return }
        let point = points[index]
        let b = area.bounds
        let range = String(format: "x %.0f to %.0f, y %.0f to %.0f", b.minX, b.maxX, b.minY, b.maxY)
        let why = point.x.isFinite && point.y.isFinite
            ? "lies outside the area where \(source) is defined (\(area.name): \(range))"
            : "is not a finite number"
        // Degrees under a projected CRS (a crs member of RD New on an RFC 7946 file): name that cause.
        if source != .wgs84, points.allSatisfy({ abs($0.x) <= 180 && abs($0.y) <= 90 }) {
            throw InputError(.unknownCRS, file: raw.file, feature: raw.feature(owning: index)?.label,
                             message: "coordinate (\(point.x), \(point.y)) \(why): the coordinates look like longitude/latitude "
                                 + "degrees, so the CRS \(source) (\(crsSource)) contradicts them; remove the crs member or "
                                 + "pass --crs EPSG:4326")
        }
        throw InputError(.badValue, file: raw.file, feature: raw.feature(owning: index)?.label,
                         message: "coordinate (\(point.x), \(point.y)) \(why); expected coordinates in \(source) "
                             + "(\(crsSource)) near the Netherlands (check --crs)")
    }

    private static func notProjectable(_ index: Int?, original: [Point], raw: RawPolygonLayer,
                                       source: CoordinateReferenceSystem, reason: String?) -> InputError {
        let because = reason.map { " (\($0))" } ?? ""
        guard let index, index < original.count else {
            return InputError(.badValue, file: raw.file,
                              message: "coordinates cannot be projected from \(source) to EPSG:28992\(because)")
        }
        let point = original[index]
        return InputError(.badValue, file: raw.file, feature: raw.feature(owning: index)?.label,
                          message: "coordinate (\(point.x), \(point.y)) cannot be projected from \(source) to "
                              + "EPSG:28992\(because); expected coordinates in \(source) near the Netherlands "
                              + "(check --crs)")
    }

    /// The polygon or multi-polygon of `feature` from the projected `points`, not yet checked for validity.
    static func build(_ feature: RawPolygonLayer.Feature, points: [Point], file: String,
                      in context: GeometryContext) throws(InputError) -> Geometry {
        var polygons: [Geometry] = []
        polygons.reserveCapacity(feature.polygons.count)
        for (p, rings) in feature.polygons.enumerated() {
            var ringPoints: [[Point]] = []
            ringPoints.reserveCapacity(rings.count)
            for (r, range) in rings.enumerated() {
                let ring = Array(points[range])
                // A ring needs 4 positions with the last equal to the first; an unclosed ring is closed here.
                let closedCount = ring.count + (ring.first != nil && ring.first != ring.last ? 1 : 0)
                guard closedCount >= 4 else {
                    let which = r == 0 ? "exterior ring" : "hole \(r)"
                    let polygon = feature.polygons.count > 1 ? " of polygon \(p + 1)" : ""
                    throw InputError(.badGeometry, file: file, feature: feature.label,
                                     message: "polygon ring has \(ring.count) points, expected at least 4 "
                                         + "(a closed ring); it is the \(which)\(polygon)")
                }
                ringPoints.append(ring)
            }
            guard let exterior = ringPoints.first else {
                throw InputError(.badGeometry, file: file, feature: feature.label,
                                 message: "polygon \(p + 1) has no rings, expected an exterior ring")
            }
            do {
                polygons.append(try context.polygon(exterior: exterior, holes: Array(ringPoints.dropFirst())))
            } catch {
                throw InputError(.badGeometry, file: file, feature: feature.label,
                                 message: "polygon \(p + 1) cannot be built: \(error); expected closed rings of at "
                                     + "least 4 points")
            }
        }
        guard polygons.count != 1 else { return polygons[0] }
        guard !polygons.isEmpty else {
            throw InputError(.badGeometry, file: file, feature: feature.label,
                             message: "geometry has no polygons, expected at least one")
        }
        do {
            return try context.collection(.multiPolygon, of: polygons)
        } catch {
            throw InputError(.badGeometry, file: file, feature: feature.label,
                             message: "multi-polygon of \(polygons.count) parts cannot be built: \(error)")
        }
    }
}
