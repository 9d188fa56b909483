import Foundation
import RegioDomain
import RegioSpatial

/// Makes a municipality polygon valid: invalid input is repaired with GEOS MakeValid and only its polygonal
/// parts are kept (MakeValid may return a collection with lines or points where rings collapse).
enum PolygonRepair {
    /// The valid polygon or multi-polygon for `geometry`, and the `repaired-polygon` warning when it had to be
    /// repaired. Throws `badGeometry` when the repair leaves no polygon or still no valid one.
    /// Areas in messages are km², as the geometry is in EPSG:28992 metres.
    static func valid(_ geometry: Geometry, file: String,
                      feature: String) throws(InputError) -> (geometry: Geometry, problem: InputProblem?) {
        if geometry.isValid { return (geometry, nil) }
        let reason = geometry.validityReason
        let repaired: Geometry
        do {
            repaired = try geometry.makeValid()
        } catch {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "polygon is invalid (\(reason)) and cannot be repaired: \(error); "
                                 + "expected a polygon or multi-polygon")
        }
        let parts = polygonalParts(of: repaired)
        let dropped = partCount(of: repaired) - parts.count
        guard !parts.isEmpty else {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "polygon is invalid (\(reason)) and repairing it left no polygon "
                                 + "(GEOS MakeValid gave \(describe(repaired))); expected a polygon or multi-polygon "
                                 + "with a positive area")
        }
        var result: Geometry
        do {
            result = parts.count == 1 ? try parts[0].clone() : try repaired.context.collection(.multiPolygon, of: parts)
            // Polygonal parts of a collection may touch along an edge: dissolving them makes a valid multi-polygon.
            if !result.isValid, case let dissolved = try result.unaryUnion(),
               dissolved.isValid, dissolved.kind == .polygon || dissolved.kind == .multiPolygon {
                result = dissolved
            }
        } catch {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "polygon is invalid (\(reason)) and its repaired parts cannot be joined: \(error)")
        }
        guard result.isValid else {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "polygon is invalid (\(reason)) and still invalid after repair "
                                 + "(\(result.validityReason)); expected a polygon or multi-polygon")
        }
        let before = String(format: "%.3f", geometry.area / 1_000_000)
        let after = String(format: "%.3f", result.area / 1_000_000)
        let droppedText = dropped > 0 ? "; dropped \(dropped) non-polygonal part\(dropped == 1 ? "" : "s")" : ""
        let problem = InputProblem(
            kind: "repaired-polygon", severity: .warning, file: file, feature: feature,
            message: "polygon was invalid (\(reason), coordinates in EPSG:28992) and was repaired with GEOS MakeValid: "
                + "\(result.kind == .polygon ? "polygon" : "multi-polygon of \(result.partCount) parts"), "
                + "area \(before) km² before, \(after) km² after\(droppedText)")
        return (result, problem)
    }

    /// The non-empty polygons in `geometry`, descending into multi-polygons and collections.
    static func polygonalParts(of geometry: Geometry) -> [Geometry] {
        switch geometry.kind {
        case .polygon: return geometry.isEmpty ? [] : [geometry]
        case .multiPolygon, .geometryCollection: return geometry.parts.flatMap(polygonalParts)
        default: return []
        }
    }

    /// The number of non-collection parts in `geometry`.
    private static func partCount(of geometry: Geometry) -> Int {
        switch geometry.kind {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return geometry.parts.reduce(0) { $0 + partCount(of: $1) }
        default: return geometry.isEmpty ? 0 : 1
        }
    }

    /// "an empty polygon", "a line string", "a collection of 2 line strings".
    private static func describe(_ geometry: Geometry) -> String {
        if geometry.isEmpty { return "an empty \(name(of: geometry.kind))" }
        switch geometry.kind {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            let names = Set(geometry.parts.map { name(of: $0.kind) }).sorted().joined(separator: ", ")
            return "a \(name(of: geometry.kind)) of \(geometry.partCount) (\(names))"
        default:
            return "a \(name(of: geometry.kind))"
        }
    }

    static func name(of kind: Geometry.Kind) -> String {
        switch kind {
        case .point: return "point"
        case .lineString: return "line string"
        case .linearRing: return "linear ring"
        case .polygon: return "polygon"
        case .multiPoint: return "multi-point"
        case .multiLineString: return "multi-line string"
        case .multiPolygon: return "multi-polygon"
        case .geometryCollection: return "geometry collection"
        }
    }
}
