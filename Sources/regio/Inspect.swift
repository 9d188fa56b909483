import ArgumentParser
import RegioInputs
import RegioReports

/// `regio inspect`: load the inputs and print what was found.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the inputs and report what was found: counts, CRS, placement, every problem.")

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format.")
    var format: ReportFormat = .text

    @OptionGroup var destination: OutputOptions

    @Flag(help: "Print the time of loading and reporting to standard error.")
    var timings = false

    func run() throws {
        try reportingInputErrors {
            let timer = PhaseTimer(enabled: timings)
            defer { timer.report() }
            let paths = try inputs.paths()
            try destination.check(inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths)
            timer.lap("load")
            let report = InspectionReport(dataset)
            try destination.write(format == .json ? report.json() + "\n" : report.text(), inputs: paths.outputInputs)
        }
    }
}
