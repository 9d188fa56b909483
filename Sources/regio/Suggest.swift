import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioReports

/// `regio suggest`: merger and move proposals for the regions the audit flags.
struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose mergers and moves for undersized, carved-out, fragmented and enclave regions, with the evidence.",
        discussion: """
        Each candidate is tried on the audit: the findings it resolves and introduces are those the audit would \
        report after the change, matched by rule, regions and schools. Only a proposal that introduces no error \
        and resolves more errors and warnings than it introduces is listed; merges only between neighbouring \
        regions. Score = 0.35 × net share of the region's errors and warnings resolved + 0.20 × share of the \
        moving schools whose nearest other-region school is in the receiving region + 0.15 × share in a common \
        catchment area + 0.15 × close-by pairs resolved (3 count fully) + 0.15 × neighbouring municipalities \
        (README, Methods); each reason names its terms. Every suggestion carries the edit that carries it out, \
        ready for a scenario file.
        """)

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var destination: OutputOptions

    @OptionGroup var language: LanguageOption

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
            let l = language.resolved(dataset.settings)
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.userInfo[Language.codingKey] = l
                try destination.write(String(decoding: try encoder.encode(["suggestions": result.suggestions]), as: UTF8.self) + "\n", inputs: paths.outputInputs)
                return
            }
            let flagged = Set(result.suggestions.map { $0.regions[0] }).count
            var out = l.pick("\(l.count(result.suggestions.count, "suggestion", "suggestions")) for \(l.count(flagged, "flagged region", "flagged regions")), best first\n",
                             "\(l.count(result.suggestions.count, "voorstel", "voorstellen")) voor \(l.count(flagged, "gemarkeerde regio", "gemarkeerde regio's")), beste eerst\n")
            for s in result.suggestions.prefix(limit) { out += "\n" + SuggestionText.line(s, in: l) + "\n" }
            if result.suggestions.count > limit {
                out += "\n… " + l.pick("\(l.integer(result.suggestions.count - limit)) more (--limit, or --format json)\n",
                                       "nog \(l.integer(result.suggestions.count - limit)) (--limit, of --format json)\n")
            }
            try destination.write(out, inputs: paths.outputInputs)
        }
    }
}
