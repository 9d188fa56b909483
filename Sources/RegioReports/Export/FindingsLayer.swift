import RegioDomain
import RegioSpatial

/// The `findings` layer: one feature per audit finding, in audit order (worst first), with a geometry in
/// EPSG:28992 where the finding has one:
///
/// - `split-close-schools`: the line between the two schools of the pair;
/// - `overlapping-regions`: the overlap, the intersection of the two territories (multi-polygon);
/// - `enclave`: the point of the enclave school;
/// - other findings that name schools: the point (or multi-point) of those that are placed;
/// - findings about a whole region (`techniekarm`, `undersized-region`, `part-of-larger-area`,
///   `empty-region`, `missing-lead`, `malformed-region-id`, `conflicting-region-name`): no geometry (null);
///   the `regions` layer carries their counts. So has `school-not-placed` (its school has no location).
enum FindingsLayer {
    static let fields = [
        ExportField("rule", .text, "stable rule id, e.g. split-close-schools"),
        ExportField("severity", .text, "error, warning or info"),
        ExportField("regions", .text, "ids of the regions it concerns, comma-separated"),
        ExportField("schools", .text, "codes of the schools it concerns, comma-separated"),
        ExportField("message", .text, "what was found and what to do"),
        ExportField("value", .real, "measured quantity: distance in m (split-close-schools, fragmented-region), overlap in km² (overlapping-regions), share 0–1 (techniekarm), count (undersized-region), distance outside the map in m (school-outside-map), number of names (conflicting-region-name)"),
    ]

    /// Rules about a whole region, shown through the `regions` layer rather than a geometry of their own.
    static let regionRules: Set<Rule> = [.techniekarm, .undersizedRegion, .partOfLargerArea, .emptyRegion, .missingLead,
                                         .malformedRegionID, .conflictingRegionName]

    static func make(_ input: MapExportInput) throws(SpatialError) -> ExportLayer {
        var features: [ExportFeature] = []
        features.reserveCapacity(input.result.findings.count)
        for finding in input.result.findings {
            features.append(ExportFeature(geometry: try geometry(of: finding, input), values: [
                .text(finding.rule.rawValue), .text(finding.severity.rawValue), .list(finding.regions.map(\.rawValue)),
                .list(finding.schools), .text(finding.message), .real(finding.value),
            ]))
        }
        return ExportLayer(name: "findings", geometryType: "GEOMETRY",
                           description: "audit findings: close-by pair lines, overlaps, school points; region-wide findings without geometry",
                           fields: fields, features: features)
    }

    /// The geometry of one finding (EPSG:28992), or `nil` when it has none.
    static func geometry(of finding: Finding, _ input: MapExportInput) throws(SpatialError) -> Geometry? {
        let context = input.context
        switch finding.rule {
        case .splitCloseSchools:
            let points = finding.schools.compactMap(input.location(of:))
            guard points.count == 2 else { return try context.exportPoints(points) }
            if let line = try context.exportLine(from: points[0], to: points[1]) { return line }
            return try context.exportPoints([points[0]])
        case .overlappingRegions:
            guard finding.regions.count == 2,
                  let a = input.territories[finding.regions[0]], let b = input.territories[finding.regions[1]],
                  !a.isEmpty, !b.isEmpty else { return nil }
            return try context.exportMultiPolygon(try a.intersection(b))
        default:
            if regionRules.contains(finding.rule) { return nil }
            return try context.exportPoints(finding.schools.compactMap(input.location(of:)))
        }
    }
}
