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
        ExportField("score", .real, "0–1, higher is a better proposal"),
        ExportField("reason", .text, "why, with the numbers"),
    ]

    static func make(_ input: MapExportInput) throws(SpatialError) -> ExportLayer {
        var features: [ExportFeature] = []
        for suggestion in input.result.suggestions {
            features.append(ExportFeature(geometry: try geometry(of: suggestion, input), values: [
                .text(suggestion.kind.rawValue), .list(suggestion.regions), .list(suggestion.schools),
                .real(suggestion.score), .text(suggestion.reason),
            ]))
        }
        return ExportLayer(name: "suggestions", geometryType: "LINESTRING",
                           description: "merge and move suggestions as lines between regions, or from a school to its target region",
                           fields: fields, features: features)
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
