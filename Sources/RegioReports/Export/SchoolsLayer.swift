import RegioDomain
import RegioSpatial

/// The `schools` layer: one point per placed school of the register (EPSG:28992 location), with its
/// regions, lead role, pupil figures, technical profiles and the findings that name it.
enum SchoolsLayer {
    static let fields = [
        ExportField("code", .text, "6-character BRIN code of the location (vestiging)"),
        ExportField("name", .text, "school name as registered"),
        ExportField("town", .text, "town (plaatsnaam) as people write it, from the register's capitals: Bergen op Zoom, 's-Hertogenbosch, IJsselstein (Ut.)"),
        ExportField("municipality", .text, "CBS code of the municipality on the map the school lies in (GM….), empty when outside the map"),
        ExportField("municipalityName", .text, "name of that municipality as the map gives it, empty when outside the map"),
        ExportField("kind", .text, "vmbo, vso, pro, havo-vwo or other (from the register's education structure)"),
        ExportField("placement", .text, "how the location was obtained: coordinates or postcode-centroid (approximate)"),
        ExportField("regions", .text, "ids of the regions listing the school, comma-separated"),
        ExportField("regionCount", .integer, "number of regions listing the school"),
        ExportField("lead", .boolean, "whether the school is the lead applicant (penvoerder) of a region"),
        ExportField("countedStudents", .integer, "year 3–4 students in BB, KB and GL"),
        ExportField("technicalStudents", .integer, "counted students in the five technical profiles"),
        ExportField("profiles", .text, "technical profiles offered, comma-separated (BWI,PIE,M&T,MaT,MVI)"),
        ExportField("findingCount", .integer, "number of audit findings naming the school"),
        ExportField("findingRules", .text, "rule ids of those findings, distinct, comma-separated"),
    ]

    static func make(_ input: MapExportInput) throws(SpatialError) -> ExportLayer {
        let context = input.context
        var features: [ExportFeature] = []
        let schools = input.dataset.register.schools.filter { $0.location != nil }.sorted { $0.code < $1.code }
        features.reserveCapacity(schools.count)
        for school in schools {
            guard let location = school.location else { continue }
            let code = school.code.rawValue
            let regions = input.regionsOfSchool[code] ?? []
            let findings = input.findingsOfSchool[code] ?? []
            var rules: [String] = []
            for f in findings where !rules.contains(f.rule.rawValue) { rules.append(f.rule.rawValue) }
            let municipality = input.dataset.placement.municipalityOf[school.code]
            features.append(ExportFeature(geometry: try context.point(location), values: [
                .text(code), .text(school.name), .text(school.townDisplayName), .text(municipality ?? ""),
                .text(municipality.flatMap { input.dataset.map[$0]?.name } ?? ""),
                .text(school.kind.rawValue), .text(school.placement.rawValue),
                .list(regions.map(\.rawValue)), .integer(regions.count), .boolean(input.leads.contains(code)),
                .integer(input.countedStudents(of: school.code)), .integer(input.technicalStudents(of: school.code)),
                .list(input.technicalProfiles(of: school.code)),
                .integer(findings.count), .list(rules.sorted()),
            ]))
        }
        return ExportLayer(name: "schools", geometryType: .point,
                           description: "placed schools of the register with their regions, pupils and findings",
                           fields: fields, features: features)
    }
}
