import RegioDomain
import RegioInputs
import RegioSpatial

/// The letters of a loaded dataset; failures of the geometry library (drawing the maps) are reported against
/// the municipality map, the input they come from.
extension Dataset {
    /// The letter writer of `result` with its `territories` (EPSG:28992, from ``audit(catchments:)``).
    public func letterWriter(result: AuditResult, territories: [RegionID: Geometry]) -> LetterWriter {
        LetterWriter(result: result, territories: territories, municipalities: map.municipalities,
                     schools: register.schools, counts: students?.counts ?? [:])
    }

    /// The files of the letters to `regions` (``LetterWriter/files(for:format:language:)``).
    public func letterFiles(_ writer: LetterWriter, regions: [RegionID], format: LetterFormat,
                            language: Language) throws(InputError) -> [(name: String, bytes: [UInt8])] {
        do {
            return try writer.files(for: regions, format: format, language: language)
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "cannot draw the letters' maps: \(error)")
        }
    }
}
