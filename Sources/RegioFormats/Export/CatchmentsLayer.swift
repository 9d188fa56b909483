import RegioDomain
import RegioSpatial

/// The `catchments` layer: one multi-polygon per catchment area, the union (dissolve) of its municipalities
/// in EPSG:28992, with its school and technical-student counts.
enum CatchmentsLayer {
    static let fields = [
        ExportField("id", .text, "catchment area id (C01, C02, …)"),
        ExportField("schools", .text, "placed schools in the area, comma-separated"),
        ExportField("schoolCount", .integer, "number of placed schools in the area"),
        ExportField("technicalSchools", .text, "schools with a technical profile, comma-separated"),
        ExportField("technicalSchoolCount", .integer, "number of schools with a technical profile"),
        ExportField("technicalStudents", .integer, "technical students of its schools (year 3–4, BB/KB/GL)"),
        ExportField("municipalities", .text, "CBS codes of its municipalities, comma-separated"),
        ExportField("municipalityCount", .integer, "number of municipalities"),
        ExportField("meetsThresholds", .boolean, "whether the area reaches the thresholds it was formed with"),
    ]

    static func make(_ input: MapExportInput) throws(SpatialError) -> ExportLayer {
        let map = input.dataset.map
        var features: [ExportFeature] = []
        for area in input.catchments?.areas ?? [] {
            let pieces = area.units.compactMap { map[$0]?.geometry }
            var geometry: Geometry?
            if !pieces.isEmpty {
                let dissolved = try input.context.collection(.geometryCollection, of: pieces).unaryUnion()
                geometry = try input.context.exportMultiPolygon(dissolved)
            }
            features.append(ExportFeature(geometry: geometry, values: [
                .text(area.id), .list(area.schools.map(\.rawValue)), .integer(area.schools.count),
                .list(area.technicalSchools.map(\.rawValue)), .integer(area.technicalSchoolCount),
                .integer(area.technicalStudents), .list(area.units), .integer(area.units.count),
                .boolean(area.meetsThresholds),
            ]))
        }
        return ExportLayer(name: "catchments", geometryType: "MULTIPOLYGON",
                           description: input.catchments?.method ?? "no catchment areas computed",
                           fields: fields, features: features)
    }
}
