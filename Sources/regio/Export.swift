import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioReports

/// `regio export`: the audit as map layers for GIS tools (GeoJSON folder or GeoPackage).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the audit as map layers: schools, regions, catchments, findings, suggestions.",
        discussion: """
        Every map layer has one geometry type and no null geometries: schools (points), regions and catchments \
        (multi-polygons), findings_points (findings about schools, one point per school), findings_lines (close-by \
        pairs), findings_areas (overlaps), suggestions (lines, with the edit and the figures after it). What has no \
        place of its own is an attribute table: regions_without_territory, findings_without_location (region-wide \
        findings, unplaced schools), suggestions_without_location.

        --format geojson writes a folder with one RFC 7946 FeatureCollection per map layer (WGS 84 \
        longitude/latitude, 6 decimals) and one CSV per attribute table; --format gpkg writes one GeoPackage with \
        every layer in EPSG:28992 (RD New), an R-tree index per map layer, the attribute tables as tables of data \
        type 'attributes', and QGIS styles in layer_styles (regions by technical share, findings by severity). \
        The output is written beside the target and renamed into place when complete; an existing \
        output is replaced only with --force. Runs the audit, with catchment areas, on the inputs (the demo data \
        when none are given).
        """)

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: geojson (a folder of .geojson files, WGS 84) or gpkg (one GeoPackage, EPSG:28992); default gpkg for an output ending in .gpkg, else geojson.")
    var format: MapExport.Format?

    @Option(help: ArgumentHelp("The folder (geojson) or file (gpkg) to write.", valueName: "path"))
    var output: String

    @Flag(help: "Replace an existing output: a file, or a folder of an earlier export (only the files regio wrote in it).")
    var force = false

    @Option(help: "Seed of the catchment regionalization.")
    var seed: UInt64 = 1

    @Flag(help: "Print the time of each phase (load, catchments, audit, layers, write) to standard error.")
    var timings = false

    func run() throws {
        try reportingInputErrors {
            let timer = PhaseTimer(enabled: timings)
            defer { timer.report() }
            // Fail before the work when the output exists and may not be replaced.
            let paths = try inputs.paths()
            let format = self.format ?? (output.lowercased().hasSuffix(".gpkg") ? .gpkg : .geojson)
            try AtomicOutput.checkReplaceable(output, directory: format == .geojson, force: force, inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths)
            timer.lap("load")
            let catchments = try dataset.catchments(seed: seed)
            timer.lap("catchments")
            let input = try MapExportInput(dataset: dataset, catchments: catchments,
                                           auditor: try dataset.auditor(catchments: catchments))
            timer.lap("audit")
            let layers = try MapExport.layers(input)
            timer.lap("layers")
            try MapExport.write(layers, format: format, to: output, force: force, inputs: paths.outputInputs)
            timer.lap("write")
            let counts = layers.map { "\($0.name) \($0.features.count)" }.joined(separator: ", ")
            writeStandardOutput("regio export: wrote \(output) (\(format.rawValue)): \(counts)\n")
        }
    }
}

extension MapExport.Format: ExpressibleByArgument {}
