import ArgumentParser
import RegioDomain
import RegioInputs
import RegioReports

/// `regio compare`: the base pre-registration and each scenario side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare scenarios (edits of the pre-registration) with the base: figures per region, findings resolved and introduced.",
        discussion: """
        A scenario file is JSON (or YAML): {"name": "...", "edits": [{"move": "00AB01", "to": "STO19007"}, \
        {"merge": ["STO19012", "STO19007"], "into": "STO19007"}, {"split": "STO19003", "new": "STO19950", "schools": ["..."]}, \
        {"add": "00AB01", "to": "STO19003"}, {"remove": "00AB01", "from": "STO19003"}, {"lead": "00AB01", "of": "STO19003"}]}.
        An edit that cannot apply is an error naming its position, and nothing of that scenario is applied.
        Text and markdown name each changed region with its lead and count the findings resolved and introduced \
        per rule; --list-findings lists them.
        """)

    @OptionGroup var inputs: InputOptions

    @Option(name: .customLong("scenario"), help: ArgumentHelp("A scenario file; repeat for several.", valueName: "file"))
    var scenarios: [String] = []

    @Option(help: "Output format: text, markdown or json.")
    var format: ComparisonReport.Format = .text

    @OptionGroup var destination: OutputOptions

    @OptionGroup var language: LanguageOption

    @Flag(help: "List every finding each scenario resolves and introduces (text and markdown; json always lists them).")
    var listFindings = false

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one --scenario FILE") }
    }

    func run() throws {
        try reportingInputErrors {
            let paths = try inputs.paths()
            var protected = paths.outputInputs
            protected.files += scenarios.map { ("--scenario", $0) }
            try destination.check(inputs: protected)
            let dataset = try Dataset(loading: paths)
            let catchments = try dataset.catchments()
            let files = try scenarios.map { path throws(InputError) in (path, try ScenarioReader.read(path, maximumBytes: dataset.settings.maximumInputBytes)) }
            // One auditor: the base, then each scenario as an update of what the previous one left.
            let auditor = try dataset.auditor(catchments: catchments)
            let base = auditor.result
            var comparisons: [ScenarioComparison] = []
            for (path, scenario) in files {
                comparisons.append(try dataset.compare(scenario, file: path, base: base, auditor: auditor))
            }
            let report = ComparisonReport(base: base, scenarios: comparisons, language: language.resolved(dataset.settings),
                                          schools: SchoolDirectory(dataset.schoolsByCode), listFindings: listFindings)
            try destination.write(report.render(format), inputs: protected)
        }
    }
}

extension ComparisonReport.Format: ExpressibleByArgument {}
