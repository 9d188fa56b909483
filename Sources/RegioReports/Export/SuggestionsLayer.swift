import RegioDomain
import RegioSpatial

/// The `suggestions` layer: one line per suggestion, EPSG:28992. A merge runs between representative points
/// of the two regions' territories (GEOS point-on-surface, always inside the territory); a move runs from the
/// school to the target region's representative point. Null geometry when a territory is empty or a school
/// is not placed.
enum SuggestionsLayer {
    static let fields = [
        ExportField("kind", .text, "merge or move"),
        ExportField("regions", .text, "merge: the flagged region, then the partner; move: from, to (comma-separated)"),
        ExportField("schools", .text, "move: the school(s) to move, comma-separated"),
        ExportField("headline", .text, "what to do, naming the region that remains by id and name"),
        ExportField("survivingRegion", .text, "the region that remains (merge) or receives the school (move)"),
        ExportField("score", .real, "0–1, higher is a better proposal (README, Methods: one formula for merges and moves)"),
        ExportField("reason", .text, "why, with the numbers and the terms of the score"),
        ExportField("resolvedFindings", .text,
                    "JSON array of the findings it resolves, as in the audit JSON (rule, severity, regions, schools, message)"),
        ExportField("introducedFindings", .text, "JSON array of the findings it introduces, as resolvedFindings"),
    ]

    static func make(_ input: MapExportInput) throws(SpatialError) -> ExportLayer {
        var features: [ExportFeature] = []
        for suggestion in input.result.suggestions {
            features.append(ExportFeature(geometry: try geometry(of: suggestion, input), values: [
                .text(suggestion.kind.rawValue), .list(suggestion.regions.map(\.rawValue)), .list(suggestion.schools),
                .text(suggestion.headline), .text(suggestion.survivingRegion.rawValue),
                .real(suggestion.score), .text(suggestion.reason),
                .text(json(suggestion.resolvedFindings)), .text(json(suggestion.introducedFindings)),
            ]))
        }
        return ExportLayer(name: "suggestions", geometryType: "LINESTRING",
                           description: "merge and move suggestions as lines between regions, or from a school to its target region",
                           fields: fields, features: features)
    }

    /// The findings as the audit JSON writes them (``AuditJSON``).
    static func json(_ findings: [Finding]) -> String {
        var out: [UInt8] = []
        AuditJSON.append(findings, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func geometry(of suggestion: Suggestion, _ input: MapExportInput) throws(SpatialError) -> Geometry? {
        guard let target = suggestion.regions.last, let to = try input.representativePoint(ofRegion: target) else {
            return nil
        }
        // A move starts at its school; any other kind (a merge) at its first region.
        let from: Point? = suggestion.kind == .move
            ? suggestion.schools.first.flatMap(input.location(of:))
            : try suggestion.regions.first.flatMap { r throws(SpatialError) in try input.representativePoint(ofRegion: r) }
        guard let from else { return nil }
        return try input.context.exportLine(from: from, to: to)
    }
}
