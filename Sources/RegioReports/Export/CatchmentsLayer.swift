import RegioDomain
import RegioInputs
import RegioSpatial

/// The `catchments` layer: one multi-polygon per catchment area, the union (dissolve) of its units
/// (municipalities, or the layer given to `regio catchments --units`) in EPSG:28992, with its figures.
enum CatchmentsLayer {
    static let fields = [
        ExportField("id", .text, "catchment area id (C01, C02, …)"),
        ExportField("schools", .text, "placed schools in the area, comma-separated"),
        ExportField("schoolCount", .integer, "number of placed schools in the area"),
        ExportField("technicalSchools", .text, "schools with a technical profile, comma-separated"),
        ExportField("technicalSchoolCount", .integer, "number of schools with a technical profile"),
        ExportField("technicalStudents", .integer, "technical students of its schools (year 3–4, BB/KB/GL)"),
        ExportField("municipalities", .text, "codes of its units (CBS municipality codes on the municipality map), comma-separated"),
        ExportField("municipalityCount", .integer, "number of its units"),
        ExportField("meetsThresholds", .boolean, "whether the area reaches the thresholds it was formed with"),
        ExportField("measureTotal", .real, "the sum of the unit property the areas were bounded on (regio catchments --bound-field), else null"),
    ]

    static func make(_ input: MapExportInput) throws(SpatialError) -> ExportLayer {
        try make(input.catchments, map: input.dataset.map, in: input.context)
    }

    /// The layer of `partition` (none: an empty layer), its areas dissolved from the units of `map`.
    static func make(_ partition: CatchmentPartition?, map: MunicipalityMap,
                     in context: GeometryContext) throws(SpatialError) -> ExportLayer {
        var features: [ExportFeature] = []
        for area in partition?.areas ?? [] {
            let pieces = area.units.compactMap { map[$0]?.geometry }.filter { !$0.isEmpty }
            let dissolved = try context.collection(.geometryCollection, of: pieces).unaryUnion()
            // The map's units are non-empty polygons, so an area always has one; say so loudly if not.
            guard let geometry = try context.exportMultiPolygon(dissolved) else {
                throw SpatialError(.geometry, operation: "dissolving the units of catchment area \(area.id) (\(area.units.joined(separator: ", ")))",
                                   libraryMessage: "the union has no area")
            }
            features.append(ExportFeature(geometry: geometry, values: [
                .text(area.id), .list(area.schools.map(\.rawValue)), .integer(area.schools.count),
                .list(area.technicalSchools.map(\.rawValue)), .integer(area.technicalSchoolCount),
                .integer(area.technicalStudents), .list(area.units), .integer(area.units.count),
                .boolean(area.meetsThresholds), .real(area.measureTotal),
            ]))
        }
        return ExportLayer(name: "catchments", geometryType: .multiPolygon,
                           description: (partition?.method ?? AuditResult.Methods.noCatchments).en,
                           fields: fields, features: features)
    }

    /// The areas of `partition` as an RFC 7946 GeoJSON FeatureCollection (WGS 84), UTF-8 bytes.
    static func geoJSON(_ partition: CatchmentPartition, map: MunicipalityMap,
                        in context: GeometryContext) throws(SpatialError) -> [UInt8] {
        try GeoJSONWriter.featureCollection(make(partition, map: map, in: context))
    }
}
