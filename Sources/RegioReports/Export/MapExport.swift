import Foundation
import RegioDomain
import RegioInputs
import RegioSpatial

/// The audit as map layers (`regio export`), one geometry type per layer and no null geometries: `schools`,
/// `regions`, `catchments`, the findings as `findings_points`, `findings_lines` and `findings_areas`, and
/// `suggestions`; what has no place of its own goes to an attribute table (`regions_without_territory`,
/// `findings_without_location`, `suggestions_without_location`). Written as one GeoJSON file per map layer
/// (RFC 7946, WGS 84 lon/lat) and one CSV file per attribute table, or as one GeoPackage (EPSG:28992, tables
/// of data type `attributes`, QGIS styles in `layer_styles`), atomically.
public enum MapExport {
    /// The file format of an export.
    public enum Format: String, CaseIterable, Sendable {
        /// A folder with one RFC 7946 FeatureCollection per map layer (`schools.geojson`, …), WGS 84 lon/lat, and
        /// one CSV file per attribute table (`regions_without_territory.csv`, …).
        case geojson
        /// One GeoPackage file holding every layer in EPSG:28992, with an R-tree index per layer.
        case gpkg
    }

    /// The layer names, in the order they are written.
    public static let layerNames = ["schools", "regions", "regions_without_territory", "catchments"]
        + FindingsLayer.names + ["suggestions", "suggestions_without_location"]

    /// Every layer of `input`, geometries in EPSG:28992.
    /// - Throws: ``InputError`` (against the municipality map) when a geometry operation fails.
    public static func layers(_ input: MapExportInput) throws(InputError) -> [ExportLayer] {
        do {
            return [try SchoolsLayer.make(input)] + (try RegionsLayer.make(input)) + [try CatchmentsLayer.make(input)]
                + (try FindingsLayer.make(input)) + (try SuggestionsLayer.make(input))
        } catch {
            throw InputError(.badGeometry, file: input.dataset.paths.municipalities ?? "--municipalities",
                             message: "a geometry operation failed while making the map layers: \(error)")
        }
    }

    /// Writes `layers` to `path` (a folder for GeoJSON, a file for GeoPackage), atomically; an existing output
    /// is replaced only when `force`, and only as far as ``AtomicOutput`` allows (never one of `inputs`, never a
    /// folder regio did not write).
    /// - Throws: ``InputError`` `outputExists`, `protectedOutput` or `unwritable`.
    public static func write(_ layers: [ExportLayer], format: Format, to path: String, force: Bool,
                             inputs: OutputInputs = .none) throws(InputError) {
        switch format {
        case .geojson:
            var files: [(name: String, bytes: [UInt8])] = []
            for layer in layers {
                do {
                    files.append(layer.isSpatial ? ("\(layer.name).geojson", try GeoJSONWriter.featureCollection(layer))
                                                 : ("\(layer.name).csv", ExportCSV.table(layer)))
                } catch {
                    throw InputError(.unwritable, file: path, message: "cannot write the output: \(error)")
                }
            }
            try AtomicOutput.writeFolder(path, files: files, force: force, inputs: inputs)
        case .gpkg:
            try AtomicOutput.write(path, force: force, inputs: inputs) { file in
                try GeoPackageWriter.write(layers, to: file)
            }
        }
    }
}
