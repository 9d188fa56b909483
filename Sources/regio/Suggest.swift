import ArgumentParser
import Foundation
import RegioDomain
import RegioFormats

/// `regio suggest`: merger and move proposals for the regions the audit flags.
struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose mergers and moves for undersized, carved-out, fragmented and enclave regions, with the evidence.",
        discussion: """
        Each candidate is tried on the audit: the findings it resolves and introduces are those the audit would \
        report after the change. Scores run from 0 to 1; the weights are in the JSON output's documentation \
        (README). Every suggestion carries the edit that carries it out, ready for a scenario file.
        """)

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var destination: OutputOptions

    @Option(help: "Show at most this many suggestions (text).")
    var limit: Int = 20

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more, got \(limit)") }
    }

    func run() throws {
        try reportingInputErrors {
            let paths = try inputs.paths()
            try destination.check(inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths)
            let result = try dataset.audit(catchments: try dataset.catchments()).result
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try destination.write(String(decoding: try encoder.encode(["suggestions": result.suggestions]), as: UTF8.self) + "\n", inputs: paths.outputInputs)
                return
            }
            var out = "\(result.suggestions.count) suggestions for \(Set(result.suggestions.map { $0.regions[0] }).count) flagged regions, best first\n"
            for s in result.suggestions.prefix(limit) {
                out += "\n\(String(format: "%.2f", s.score))  \(s.edit)\n      \(s.reason)\n"
            }
            if result.suggestions.count > limit { out += "\n… \(result.suggestions.count - limit) more (--limit, or --format json)\n" }
            try destination.write(out, inputs: paths.outputInputs)
        }
    }
}
