import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioReports

/// `regio catchments`: the logical catchment areas of the map (max-p regionalization).
struct Catchments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Form logical catchment areas: contiguous groups of municipalities (or other units) that each reach the thresholds (max-p).",
        discussion: """
        By default the units are the municipalities and every area needs the settings minimumTechnicalSchools \
        and minimumTechnicalStudents (regio config). --units partitions another polygon layer, such as the \
        postcode areas (neighbours then share at least 1 m of border within 1 m, for layers that are not cleanly \
        noded); --bound-field and --bound put the threshold on a property of the units instead, such as \
        inhabitants. Islands join their nearest mainland neighbour; the report lists every such link. The \
        same input and --seed give the same areas.

        Examples:
          regio catchments
          regio catchments --format geojson --output areas.geojson
          regio catchments --units pc4_2020_rd.geojson --unit-id pc4 \\
              --bound-field inwoners --bound 50000
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, geojson
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("Partition this polygon layer (GeoJSON or GeoPackage) instead of the municipalities.", valueName: "file"))
    var units: String?

    @Option(help: ArgumentHelp("The property holding each unit's code (required with --units).", valueName: "name"))
    var unitId: String?

    @Option(help: ArgumentHelp("The property holding each unit's name (default: the code).", valueName: "name"))
    var unitName: String?

    @Option(help: ArgumentHelp("A numeric property of the units that every area must reach the --bound of (instead of the school thresholds).", valueName: "name"))
    var boundField: String?

    @Option(help: ArgumentHelp("The least sum of --bound-field per area.", valueName: "number"))
    var bound: Double?

    @Option(help: "Output format: text, json, or geojson (the areas dissolved, WGS84, with their figures).")
    var format: Format = .text

    @OptionGroup var destination: OutputOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "Seed of the regionalization.")
    var seed: UInt64 = 1

    @Option(help: "Randomized constructions to try (more: a better chance of a larger p, slower).")
    var iterations: Int = MaxPRegionalization.Options().constructionIterations

    @Flag(help: "Print the time of each phase (load, regionalization, report) to standard error.")
    var timings = false

    func validate() throws {
        if units != nil, inputs.municipalities != nil {
            throw ValidationError("give either --units or --municipalities: both are the map to partition")
        }
        if units != nil, unitId == nil {
            throw ValidationError("--units needs --unit-id: the property that holds each unit's code")
        }
        if units == nil, unitId != nil || unitName != nil {
            throw ValidationError("--unit-id and --unit-name describe the layer given with --units")
        }
        if (boundField == nil) != (bound == nil) {
            throw ValidationError("--bound-field and --bound go together: the property and its least sum per area")
        }
        if let bound, !(bound.isFinite && bound > 0) {
            throw ValidationError("--bound must be a positive number, got \(bound)")
        }
        if iterations < 1 { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
    }

    func run() throws {
        try reportingInputErrors {
            let timer = PhaseTimer(enabled: timings)
            var paths: InputPaths
            if let units, let unitId {
                paths = try inputs.paths(demoWhenEmpty: false)
                paths.municipalities = units
                paths.mapFields = InputPaths.MapFields(id: unitId, name: unitName ?? unitId, measure: boundField)
            } else {
                paths = try inputs.paths()
                paths.mapFields.measure = boundField
            }
            try destination.check(inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths, requiringSchools: boundField == nil)
            timer.lap("load")
            let progress = ProgressLine()
            var request = CatchmentRequest(seed: seed, options: .init(constructionIterations: iterations),
                                           units: units == nil ? .municipalities : .otherLayer, minimumMeasure: bound)
            request.progress = { step in
                progress.update(step.phase == .construction
                    ? "catchments: construction \(step.completed)/\(step.total), p = \(step.p)"
                    : "catchments: p = \(step.p), local search step \(step.completed)")
            }
            let partition = try dataset.catchments(request)
            progress.finish()
            timer.lap("regionalization")
            defer { timer.lap("report"); timer.report() }
            switch format {
            case .json: try destination.write(CatchmentReport(partition, dataset: dataset).json(in: language.resolved(dataset.settings)), inputs: paths.outputInputs)
            case .text: try destination.write(CatchmentReport(partition, dataset: dataset).text(in: language.resolved(dataset.settings)), inputs: paths.outputInputs)
            case .geojson: try destination.write(dataset.catchmentsGeoJSON(partition), inputs: paths.outputInputs)
            }
        }
    }
}
