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
        --format geojson writes a folder with one RFC 7946 FeatureCollection per layer (WGS 84 longitude/latitude, \
        6 decimals); --format gpkg writes one GeoPackage with every layer in EPSG:28992 (RD New) and an R-tree \
        index per layer. The output is written beside the target and renamed into place when complete; an existing \
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
            let (result, territories) = try dataset.audit(catchments: catchments)
            timer.lap("audit")
            let layers = try MapExport.layers(MapExportInput(dataset: dataset, catchments: catchments, result: result,
                                                             territories: territories))
            timer.lap("layers")
            try MapExport.write(layers, format: format, to: output, force: force, inputs: paths.outputInputs)
            timer.lap("write")
            let counts = layers.map { "\($0.name) \($0.features.count)" }.joined(separator: ", ")
            writeStandardOutput("regio export: wrote \(output) (\(format.rawValue)): \(counts)\n")
        }
    }
}

extension MapExport.Format: ExpressibleByArgument {}
