import RegioDomain
import RegioSpatial

/// The `regions` layer: one multi-polygon per region with a territory (EPSG:28992), with every figure of
/// ``RegionFigures`` as a scalar property and its finding counts; the regions without territory (no placed
/// school) with the same columns in the attribute table `regions_without_territory`, in registration order.
enum RegionsLayer {
    /// Profile → property suffix: names without `&` so that every GIS tool and SQL accepts them.
    static let profileColumns: [(Profile, String)] = Profile.allCases.map { profile in
        let suffix: String
        switch profile {
        case .bwi: suffix = "BWI"
        case .pie: suffix = "PIE"
        case .mt: suffix = "MT"
        case .mat: suffix = "MaT"
        case .mvi: suffix = "MVI"
        case .zw: suffix = "ZW"
        case .eo: suffix = "EO"
        case .hbr: suffix = "HBR"
        case .dp: suffix = "DP"
        case .groen: suffix = "Groen"
        case .technicalRoute: suffix = "TechnicalRoute"
        case .other: suffix = "OtherProfile"
        }
        return (profile, suffix)
    }

    static let fields: [ExportField] = [
        ExportField("id", .text, "registration number, e.g. STO19042"),
        ExportField("name", .text, "region name as registered"),
        ExportField("lead", .text, "BRIN code of the lead applicant (penvoerder), null when none"),
        ExportField("schools", .text, "member school codes, comma-separated, sorted"),
        ExportField("schoolCount", .integer, "number of member schools"),
        ExportField("technicalSchools", .text, "members offering a technical profile, comma-separated"),
        ExportField("technicalSchoolCount", .integer, "number of members offering a technical profile"),
        ExportField("countedStudents", .integer, "year 3–4 students in BB, KB and GL"),
        ExportField("technicalStudents", .integer, "counted students in the five technical profiles"),
        ExportField("technicalShare", .real, "technicalStudents / countedStudents (0–1), null without counted students"),
        ExportField("techniekarm", .boolean, "technical share below the techniekarm threshold"),
        ExportField("budgetEUR", .real, "technicalStudents × the amount per student, EUR a year; null for a techniekarm region"),
        ExportField("budgetRangeMinimumEUR", .real, "a techniekarm region's separate budget, lowest, EUR for four years; null for others"),
        ExportField("budgetRangeMaximumEUR", .real, "a techniekarm region's separate budget, highest, EUR for four years; null for others"),
    ] + profileColumns.map { profile, suffix in
        ExportField("students\(suffix)", .integer, "counted students in profile \(profile.rawValue) (\(profile.dutchName))")
    } + Track.allCases.map { track in
        ExportField("students\(track.rawValue)", .integer, "year 3–4 students in track \(track.rawValue)")
    } + [
        ExportField("territoryAreaSquareKilometers", .real, "territory area, km² (EPSG:28992)"),
        ExportField("municipalities", .text, "CBS codes of the municipalities holding member schools, comma-separated"),
        ExportField("municipalityCount", .integer, "number of those municipalities"),
        ExportField("errorCount", .integer, "findings of error severity concerning the region"),
        ExportField("warningCount", .integer, "findings of warning severity concerning the region"),
        ExportField("infoCount", .integer, "findings of info severity concerning the region"),
    ]

    static func make(_ input: MapExportInput) throws(SpatialError) -> [ExportLayer] {
        var severities: [RegionID: [Severity: Int]] = [:]
        for finding in input.result.findings {
            for region in Set(finding.regions) { severities[region, default: [:]][finding.severity, default: 0] += 1 }
        }
        var features: [ExportFeature] = []
        for r in input.result.regions {
            let geometry = try input.territories[r.id].flatMap { t throws(SpatialError) in try input.context.exportMultiPolygon(t) }
            let counts = severities[r.id] ?? [:]
            var values: [ExportValue] = [
                .text(r.id.rawValue), .text(r.name), .text(r.lead), .list(r.schools), .integer(r.schools.count),
                .list(r.technicalSchools), .integer(r.technicalSchools.count), .integer(r.countedStudents),
                .integer(r.technicalStudents), .real(r.technicalShare), .boolean(r.techniekarm), .real(r.budgetEUR),
                .real(r.budgetRangeEUR?.first), .real(r.budgetRangeEUR?.last),
            ]
            values += profileColumns.map { profile, _ in .integer(r.studentsPerProfile[profile.rawValue] ?? 0) }
            values += Track.allCases.map { .integer(r.studentsPerTrack[$0.rawValue] ?? 0) }
            values += [
                .real(r.territoryAreaSquareKilometers), .list(r.municipalities), .integer(r.municipalities.count),
                .integer(counts[.error] ?? 0), .integer(counts[.warning] ?? 0), .integer(counts[.info] ?? 0),
            ]
            features.append(ExportFeature(geometry: geometry, values: values))
        }
        return ExportLayer.parted(features, fields: fields, name: "regions", type: .multiPolygon,
                                  description: "pre-registered regions: territory and figures",
                                  style: .byTechnicalShare(techniekarmBelow: input.result.settings.techniekarmShareBelow),
                                  tableName: "regions_without_territory",
                                  tableDescription: "pre-registered regions without a territory (no placed member school): figures")
    }
}
