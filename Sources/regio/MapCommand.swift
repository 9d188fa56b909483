import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioMap
import RegioReports

/// `regio map`: one self-contained HTML file with the regions, schools and findings on a map.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Write the audit as one self-contained HTML map (regions, schools, findings, portraits).",
        discussion: """
        The page needs no network: data, styles and script are inline. Territories are drawn in RD New \
        (EPSG:28992) metres, simplified to about 150 m. Open it in a browser to pan, zoom, colour by region, \
        technical share or status, and select regions to see their portraits; it prints to PDF with the map \
        on the first page. Exit code 0 when written, 2 when an input cannot be read or the output exists.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var language: LanguageOption

    @Option(name: .customLong("color-by"), help: "Fill of the territories when the page opens: region, share (technical share) or status.")
    var colorBy: MapColorMode = .region

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String = "regio-map.html"

    @Flag(help: "Replace the output file when it exists (never one of the inputs, never a folder).")
    var force = false

    @Flag(help: "Skip the catchment areas (and the rules that need them).")
    var noCatchments = false

    @Option(help: "Seed of the catchment regionalization.")
    var seed: UInt64 = 1

    @Flag(help: "Print the time of each phase (load, catchments, audit, map, write) to standard error.")
    var timings = false

    func run() throws {
        let summary = try reportingInputErrors { () throws -> String in
            // Refused before the work too (AtomicOutput checks again before it renames), so a mistyped
            // --output costs nothing.
            let paths = try inputs.paths()
            try AtomicOutput.checkReplaceable(output, force: force, inputs: paths.outputInputs)
            let timer = PhaseTimer(enabled: timings)
            defer { timer.report() }
            let dataset = try Dataset(loading: paths)
            timer.lap("load")
            let catchments = noCatchments ? nil : try dataset.catchments(seed: seed)
            timer.lap("catchments")
            let (result, territories) = try dataset.audit(catchments: catchments)
            timer.lap("audit")
            let name = dataset.paths.registrations.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "regions"
            let html = try dataset.mapHTML(result: result, territories: territories, colorBy: colorBy,
                                           title: "Sterk Techniekonderwijs: \(name)", language: language.resolved(dataset.settings))
            timer.lap("map")
            try AtomicOutput.write(output, force: force, inputs: paths.outputInputs) { temporary in
                try Data(html.utf8).write(to: URL(fileURLWithPath: temporary))
            }
            timer.lap("write")
            let placed = dataset.register.schools.filter { $0.location != nil }.count
            return "regio: wrote \(output) (\(Self.size(html.utf8.count))): \(result.regions.count) regions, \(placed) schools, \(result.findings.count) findings\n"
        }
        FileHandle.standardError.write(Data(summary.utf8))
    }

    /// "1.2 MB", "830 kB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : "\(Int((Double(bytes) / 1e3).rounded())) kB"
    }
}

extension MapColorMode: ExpressibleByArgument {}
