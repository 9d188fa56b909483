import RegioDomain
import RegioInputs
import RegioSpatial

/// The HTML map of a loaded dataset; failures of the geometry library are reported against the
/// municipality map, the input they come from.
extension Dataset {
    /// The self-contained HTML map of `result` with its `territories` (EPSG:28992, from ``audit(catchments:)``).
    public func mapHTML(result: AuditResult, territories: [RegionID: Geometry], colorBy: MapColorMode = .region,
                        title: String = "Sterk Techniekonderwijs: regions", language: Language = .en,
                        toleranceMeters: Double = 150) throws(InputError) -> String {
        let renderer = MapRenderer(result: result, territories: territories, municipalities: map.municipalities,
                                   schools: register.schools, counts: students?.counts ?? [:], title: title,
                                   language: language, colorBy: colorBy, toleranceMeters: toleranceMeters)
        return try drawing { () throws(SpatialError) in try renderer.html() }
    }

    /// A ``MapDataBuilder`` for audits of this dataset (its schools and pupil counts). With `municipalities`
    /// it draws the land and the borders, in a frame around the municipalities and the schools; without, the
    /// frame is around the schools alone.
    public func mapDataBuilder(municipalities: Bool = true, language: Language = .en) throws(InputError) -> MapDataBuilder {
        try drawing { () throws(SpatialError) in
            try MapDataBuilder(municipalities: municipalities ? map.municipalities : [], schools: register.schools,
                               counts: students?.counts ?? [:], language: language)
        }
    }

    /// `body`, with a failure of the geometry library reported against the municipality map.
    private func drawing<T>(_ body: () throws(SpatialError) -> T) throws(InputError) -> T {
        do {
            return try body()
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "cannot draw the map: \(error)")
        }
    }
}
