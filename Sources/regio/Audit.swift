import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioReports

/// `regio audit`: every check of the programme's rules over a pre-registration.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the pre-registrations: every rule, region figures, merge suggestions.",
        discussion: """
        Exit code 0 when no finding of the whole audit has error severity, 1 when some do, 2 when an input \
        could not be read. The territory and catchment methods are stated at the end of every report.

        Text and Markdown list the regions to contact first (errors first), then each region with its lead \
        and findings; the close-by pairs between two regions take one line (every pair is in json and csv). \
        --rule, --region and --severity report a part of the audit in every format (the JSON states the \
        filter); the national totals and the exit code stay those of the whole audit.
        """)

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text (terminal), markdown (briefing), json (for tools), csv (one row per finding), xlsx (a workbook of regions, findings and suggestions; needs --output).")
    var format: AuditFormat = .text

    @OptionGroup var destination: OutputOptions

    @OptionGroup var language: LanguageOption

    @OptionGroup var filter: AuditFilterOptions

    @Flag(help: "Skip the catchment areas (and the rules that need them).")
    var noCatchments = false

    @Option(help: "Seed of the catchment regionalization.")
    var seed: UInt64 = 1

    @Flag(help: "Print the time of each phase (load, catchments, audit, report) to standard error.")
    var timings = false

    func validate() throws {
        if format.isBinary && destination.output == nil {
            throw ValidationError("--format \(format.rawValue) writes a binary workbook: give --output FILE.xlsx")
        }
    }

    func run() throws {
        let hasErrors = try reportingInputErrors { () throws -> Bool in
            let timer = PhaseTimer(enabled: timings)
            let paths = try inputs.paths()
            try destination.check(inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths)
            timer.lap("load")
            let catchments = noCatchments ? nil : try dataset.catchments(seed: seed)
            timer.lap("catchments")
            let result = try dataset.audit(catchments: catchments).result
            timer.lap("audit")
            defer { timer.lap("report"); timer.report() }
            let colour = format == .text && destination.output == nil && isatty(STDOUT_FILENO) != 0
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let chosen = AuditFilter(rules: try filter.parsedRules(),
                                     regions: try RegionChoice.resolve(filter.regions, in: result.regions,
                                                                       file: paths.registrations ?? "--region"),
                                     severity: filter.severity)
            let report = AuditReport(result.filtered(by: chosen), language: language.resolved(dataset.settings),
                                     schools: SchoolDirectory(dataset.schoolsByCode), colour: colour)
            try destination.write(bytes: format.bytes(of: report), inputs: paths.outputInputs)
            return result.hasErrors
        }
        if hasErrors { throw ExitCode(1) }
    }
}

extension AuditFormat: ExpressibleByArgument {}
