import RegioDomain
import RegioSpatial

/// The findings of the audit as four layers, one geometry type each (EPSG:28992), every finding in at least one:
///
/// - `findings_points` (POINT): a finding about schools, one feature per placed school it names (`school`):
///   `enclave`, `fragmented-region` (each outlying school), `school-in-multiple-regions`, `split-institution`,
///   `uncovered-school`, `lead-without-technology`, `single-technology-school`, `approximate-location`,
///   `school-outside-map`, and a close-by pair whose two schools share one location (a line needs two places);
/// - `findings_lines` (LINESTRING): `split-close-schools`, the line between the two schools of the pair;
/// - `findings_areas` (MULTIPOLYGON): `overlapping-regions`, the intersection of the two territories;
/// - `findings_without_location` (attribute table, no geometry): findings about a whole region (`techniekarm`,
///   `undersized-region`, `part-of-larger-area`, `empty-region`, `missing-lead`, `malformed-region-id`,
///   `conflicting-region-name`; the `regions` layer counts them per region), and findings whose schools are not
///   placed (`unknown-school`, `school-not-placed`) or whose overlap has no area.
///
/// `finding` numbers the audit's findings (1 = worst, the order of the audit JSON) in every layer, so the
/// features of one finding can be joined.
enum FindingsLayer {
    static let fields = [
        ExportField("finding", .integer, "number of the finding in the audit, 1 = worst first (the order of the audit JSON); the same in every findings layer"),
        ExportField("rule", .text, "stable rule id, e.g. split-close-schools"),
        ExportField("severity", .text, "error, warning or info"),
        ExportField("regions", .text, "ids of the regions it concerns, comma-separated"),
        ExportField("schools", .text, "codes of the schools it concerns, comma-separated"),
        ExportField("message", .text, "what was found and what to do"),
        ExportField("value", .real, "measured quantity: distance in m (split-close-schools, fragmented-region), overlap in km² (overlapping-regions), share 0–1 (techniekarm), count (undersized-region), distance outside the map in m (school-outside-map), number of names (conflicting-region-name)"),
    ]

    /// The points layer's extra column: the school at the point.
    static let pointFields = fields + [
        ExportField("school", .text, "code of the school at this point (one feature per placed school of the finding)"),
    ]

    /// Layer names, in the order ``make(_:)`` returns them.
    static let names = ["findings_points", "findings_lines", "findings_areas", "findings_without_location"]

    /// Rules about a whole region, shown through the `regions` layer rather than a geometry of their own.
    static let regionRules: Set<Rule> = [.techniekarm, .undersizedRegion, .partOfLargerArea, .emptyRegion, .missingLead,
                                         .malformedRegionID, .conflictingRegionName]

    /// The four findings layers (``names``).
    static func make(_ input: MapExportInput) throws(SpatialError) -> [ExportLayer] {
        var points: [ExportFeature] = [], lines: [ExportFeature] = [], areas: [ExportFeature] = []
        var unlocated: [ExportFeature] = []
        for (index, finding) in input.result.findings.enumerated() {
            let values: [ExportValue] = [
                .integer(index + 1), .text(finding.rule.rawValue), .text(finding.severity.rawValue),
                .list(finding.regions.map(\.rawValue)), .list(finding.schools), .text(finding.message), .real(finding.value),
            ]
            switch try place(finding, input) {
            case .line(let line): lines.append(ExportFeature(geometry: line, values: values))
            case .area(let area): areas.append(ExportFeature(geometry: area, values: values))
            case .points(let located):
                for (code, point) in located {
                    points.append(ExportFeature(geometry: try input.context.point(point), values: values + [.text(code)]))
                }
            case .none: unlocated.append(ExportFeature(geometry: nil, values: values))
            }
        }
        return [
            ExportLayer(name: names[0], geometryType: .point,
                        description: "audit findings about schools: one point per placed school the finding names",
                        fields: pointFields, features: points, style: .bySeverity(.point)),
            ExportLayer(name: names[1], geometryType: .lineString,
                        description: "close-by schools in different regions (split-close-schools): the line between the two",
                        fields: fields, features: lines, style: .bySeverity(.lineString)),
            ExportLayer(name: names[2], geometryType: .multiPolygon,
                        description: "overlapping territories (overlapping-regions): the overlap of the two",
                        fields: fields, features: areas, style: .bySeverity(.multiPolygon)),
            ExportLayer(name: names[3], geometryType: nil,
                        description: "audit findings without a place of their own: about whole regions, or about schools that are not placed",
                        fields: fields, features: unlocated),
        ]
    }

    /// Where a finding is drawn.
    enum Placement {
        case line(Geometry), area(Geometry), points([(code: String, point: Point)]), none
    }

    /// The place of one finding (EPSG:28992).
    static func place(_ finding: Finding, _ input: MapExportInput) throws(SpatialError) -> Placement {
        if regionRules.contains(finding.rule) { return .none }
        let located = finding.schools.compactMap { code in input.location(of: code).map { (code: code, point: $0) } }
        switch finding.rule {
        case .splitCloseSchools where located.count == 2:
            if let line = try input.context.exportLine(from: located[0].point, to: located[1].point) { return .line(line) }
        case .overlappingRegions:
            guard finding.regions.count == 2,
                  let a = input.territories[finding.regions[0]], let b = input.territories[finding.regions[1]],
                  !a.isEmpty, !b.isEmpty, let overlap = try input.context.exportMultiPolygon(try a.intersection(b)) else {
                return .none
            }
            return .area(overlap)
        default:
            break
        }
        return located.isEmpty ? .none : .points(located)
    }
}
