import Foundation
import RegioDomain
import RegioSpatial

/// Reads a polygon layer (municipalities, postcode areas) from a GeoJSON FeatureCollection of Polygon and
/// MultiPolygon features.
///
/// The CRS is, in order: the `--crs` override; the legacy `crs` member
/// (`{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}}`); else WGS84 longitude/latitude
/// per RFC 7946, provided every coordinate lies within ±180/±90. Unclosed rings are closed; Z values are ignored.
enum GeoJSONPolygonLayer {
    static func read(bytes: [UInt8], file: String, crs override: CoordinateReferenceSystem?, idField: String,
                     nameField: String, measureField: String?, in context: GeometryContext) throws(InputError) -> PolygonLayer {
        let collection = try featureCollection(bytes, file: file)
        let declared = try declaredCRS(collection["crs"], file: file)
        guard let features = collection["features"]?.elements else {
            let found = collection["features"].map { "is \($0.kind)" } ?? "is missing"
            throw InputError(.badFormat, file: file,
                             message: "the FeatureCollection's features member \(found), expected an array of features")
        }
        guard !features.isEmpty else {
            throw InputError(.badFormat, file: file,
                             message: "the FeatureCollection has no features, expected municipality polygons")
        }

        var raw = RawPolygonLayer(file: file)
        raw.points.reserveCapacity(bytes.count / 16)
        for (index, item) in features.enumerated() {
            guard let feature = item.object else {
                throw InputError(.badFormat, file: file, feature: String(index),
                                 message: "feature is \(item.kind), expected a GeoJSON Feature object")
            }
            if let type = feature["type"]?.string, type != "Feature" {
                throw InputError(.badFormat, file: file, feature: String(index),
                                 message: "feature has type '\(type)', expected 'Feature'")
            }
            let properties = try self.properties(feature["properties"], file: file, index: index)
            let code = try FeatureIdentity.code(in: properties, idField: idField, file: file, index: index)
            let name = FeatureIdentity.name(in: properties, nameField: nameField)
            let label = "\(index) (\(code))"
            let measure = try measureField.flatMap { field throws(InputError) in
                try FeatureIdentity.measure(in: properties, field: field, file: file, feature: label)
            }
            let rings = try polygons(of: feature["geometry"], into: &raw.points, file: file, feature: label)
            try raw.append(index: index, code: code, name: name, measure: measure, ringRanges: rings)
        }

        var problems: [InputProblem] = []
        let source: CoordinateReferenceSystem
        let crsSource: String
        if let override {
            source = override
            crsSource = "given with --crs"
            if let declared, declared.crs != override {
                problems.append(InputProblem(
                    kind: "crs-overridden", severity: .info, file: file,
                    message: "the crs member says '\(declared.name)'; --crs \(override) is used instead"))
            }
        } else if let declared {
            source = declared.crs
            crsSource = "crs member"
        } else {
            try checkLongitudeLatitude(raw)
            source = .wgs84
            crsSource = "RFC 7946 default (coordinates within lon/lat range)"
        }
        if source == .wgs84 { try checkNotSwapped(raw) }
        return try PolygonLayerAssembler.assemble(raw, from: source, crsSource: crsSource,
                                                  declaredAs: override == nil ? declared?.name : nil,
                                                  problems: problems, in: context)
    }

    // MARK: document

    /// The top-level FeatureCollection object; throws `emptyFile` / `badFormat` with the parser's position.
    private static func featureCollection(_ bytes: [UInt8], file: String) throws(InputError) -> JSONObject {
        guard bytes.contains(where: { !GeoJSONValue.isWhitespace($0) }) else {
            throw InputError(.emptyFile, file: file, message: "the file holds only white space, expected GeoJSON")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw InputError(.badFormat, file: file,
                             message: "not JSON: \(error.described(in: bytes)); expected a GeoJSON FeatureCollection")
        }
        guard let object = root.object else {
            throw InputError(.badFormat, file: file,
                             message: "the top level is \(root.kind), expected a GeoJSON FeatureCollection object")
        }
        guard let type = object["type"]?.string else {
            throw InputError(.badFormat, file: file,
                             message: "the top-level object has no type member, expected \"type\": \"FeatureCollection\"")
        }
        guard type == "FeatureCollection" else {
            let hint = type == "Topology" ? " (this is TopoJSON: convert it to GeoJSON first, e.g. with mapshaper)" : ""
            throw InputError(.badFormat, file: file,
                             message: "the top-level type is '\(type)', expected 'FeatureCollection'\(hint)")
        }
        return object
    }

    /// The legacy (GeoJSON 2008) `crs` member: `nil` when absent or null.
    private static func declaredCRS(_ member: JSONValue?, file: String) throws(InputError)
        -> (crs: CoordinateReferenceSystem, name: String)? {
        guard let member, !member.isNull else { return nil }
        let object = member.object
        let properties = object?["properties"]?.object
        var name: String?
        switch object?["type"]?.string {
        case "name": name = properties?["name"]?.string
        // A code that is not a whole number (1e300, 28992.5) is not read, and the error below names it.
        case "EPSG": name = properties?["code"]?.number.flatMap { Int(exactly: $0) }.map { "EPSG:\($0)" } ?? properties?["code"]?.string
        default: name = nil
        }
        guard let name else {
            throw InputError(.unknownCRS, file: file,
                             message: "crs member \(member.description) cannot be read, expected "
                                 + "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}}")
        }
        guard let crs = CoordinateReferenceSystem(name: name) else {
            throw InputError(.unknownCRS, file: file,
                             message: "crs member names '\(name)', which is not an EPSG code; expected e.g. "
                                 + "'urn:ogc:def:crs:EPSG::28992' (or pass --crs)")
        }
        return (crs, name)
    }

    // MARK: features

    private static func properties(_ member: JSONValue?, file: String, index: Int) throws(InputError) -> FeatureProperties {
        guard let object = member?.object else {
            guard let member, !member.isNull else { return FeatureProperties([]) }
            throw InputError(.badFormat, file: file, feature: String(index),
                             message: "properties is \(member.kind), expected an object")
        }
        return FeatureProperties(zip(object.keys, object.values).sorted { $0.0 < $1.0 }
            .map { ($0.0, GeoJSONValue.featureValue($0.1)) })
    }

    /// Appends the rings of a Polygon or MultiPolygon geometry to `points`; returns each polygon's ring ranges.
    private static func polygons(of member: JSONValue?, into points: inout [Point], file: String,
                                 feature: String) throws(InputError) -> [[Range<Int>]] {
        guard let geometry = member?.object else {
            guard let member, !member.isNull else {
                throw InputError(.badGeometry, file: file, feature: feature,
                                 message: "feature has no geometry, expected a Polygon or MultiPolygon")
            }
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry is \(member.kind), expected a Polygon or MultiPolygon object")
        }
        let type = geometry["type"]?.string
        let coordinates = geometry["coordinates"]
        // An empty geometry (RFC 7946 §3.1: "coordinates": []) has no polygons.
        if let list = coordinates?.elements, list.isEmpty, type == "Polygon" || type == "MultiPolygon" { return [] }
        switch type {
        case "Polygon":
            return [try polygon(coordinates, into: &points, file: file, feature: feature)]
        case "MultiPolygon":
            guard case .array(let list) = coordinates else {
                throw InputError(.badGeometry, file: file, feature: feature,
                                 message: "MultiPolygon coordinates are \((coordinates ?? .null).description), "
                                     + "expected a non-empty array of polygons")
            }
            var result: [[Range<Int>]] = []
            result.reserveCapacity(list.count)
            for item in list { result.append(try polygon(item, into: &points, file: file, feature: feature)) }
            return result
        default:
            let found = type.map { "'\($0)'" } ?? "missing"
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry type is \(found), expected Polygon or MultiPolygon")
        }
    }

    private static func polygon(_ value: JSONValue?, into points: inout [Point], file: String,
                                feature: String) throws(InputError) -> [Range<Int>] {
        guard case .array(let rings) = value, !rings.isEmpty else {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "polygon coordinates are \((value ?? .null).description), "
                                 + "expected an array of rings")
        }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(rings.count)
        for ring in rings {
            guard case .array(let positions) = ring else {
                throw InputError(.badGeometry, file: file, feature: feature,
                                 message: "polygon ring is \(ring.description), expected an array of positions")
            }
            let start = points.count
            for position in positions {
                guard case .numbers(let pair) = position, pair.count >= 2 else {
                    throw InputError(.badValue, file: file, feature: feature,
                                     message: "coordinate \(position.description) is not a pair of numbers, "
                                         + "expected [x, y]")
                }
                points.append(Point(x: pair[0], y: pair[1]))
            }
            ranges.append(start..<points.count)
        }
        return ranges
    }

    // MARK: CRS checks

    /// RFC 7946 says WGS84: throws `unknownCRS` naming the first coordinate outside ±180/±90.
    private static func checkLongitudeLatitude(_ raw: RawPolygonLayer) throws(InputError) {
        guard let index = raw.points.firstIndex(where: { abs($0.x) > 180 || abs($0.y) > 90 }) else { return }
        let p = raw.points[index]
        throw InputError(.unknownCRS, file: raw.file, feature: raw.feature(owning: index)?.label,
                         message: "coordinate (\(p.x), \(p.y)) is outside the longitude/latitude range, so the "
                             + "coordinates look projected, but the file has no crs member (GeoJSON per RFC 7946 is "
                             + "WGS84 longitude, latitude); pass the CRS, e.g. --crs EPSG:28992 for RD New")
    }

    /// Throws `swappedCoordinates` when every coordinate reads as (latitude, longitude) of the Netherlands.
    private static func checkNotSwapped(_ raw: RawPolygonLayer) throws(InputError) {
        guard let box = Envelope(points: raw.points),
              box.minX >= 50, box.maxX <= 54, box.minY >= 3, box.maxY <= 7.5 else { return }
        let p = raw.points[0]
        throw InputError(.swappedCoordinates, file: raw.file, feature: raw.features.first?.label,
                         message: "coordinate (\(p.x), \(p.y)) reads as latitude, longitude (all x between "
                             + "\(box.minX) and \(box.maxX)); GeoJSON positions are [longitude, latitude]")
    }
}
