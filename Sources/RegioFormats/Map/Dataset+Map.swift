import RegioDomain
import RegioSpatial

/// The HTML map of a loaded dataset; failures of the geometry library are reported against the
/// municipality map, the input they come from.
extension Dataset {
    /// The self-contained HTML map of `result` with its `territories` (EPSG:28992, from ``audit(catchments:)``).
    public func mapHTML(result: AuditResult, territories: [String: Geometry], colorBy: MapColorMode = .region,
                        title: String = "Sterk Techniekonderwijs: regions", toleranceMeters: Double = 150) throws(InputError) -> String {
        let renderer = MapRenderer(result: result, territories: territories, municipalities: map.municipalities,
                                   schools: register.schools, counts: students?.counts ?? [:], title: title,
                                   colorBy: colorBy, toleranceMeters: toleranceMeters)
        do {
            return try renderer.html()
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "cannot draw the map: \(error)")
        }
    }
}
