import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioLetters
import RegioReports

/// `regio letters`: one letter per region with an error or a warning, to its lead applicant.
struct Letters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a letter to each region with an error or a warning, addressed to its lead applicant (penvoerder).",
        discussion: """
        Each letter says what the programme asks, lists the region's problems (close-by pairs grouped per \
        neighbouring region), gives the audit's best suggestion for the region with its resulting figures, the \
        region's figures, and a small map of the region and its neighbours. --format html writes one \
        self-contained page per region that prints to A4 (STO19029.html) and index.html; --format markdown \
        writes STO19029.md with its map in STO19029.svg beside it, and index.md. The folder is written whole and \
        renamed into place; an existing folder is replaced only with --force, and only if regio wrote it. Runs \
        the audit, with catchment areas, on the inputs (the demo data when none are given).
        """)

    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("The folder to write the letters into (new, empty, or an earlier output with --force).", valueName: "folder"))
    var output: String

    @Option(name: .customLong("region"), parsing: .upToNextOption,
            help: ArgumentHelp("Only these regions (registration numbers, any case, or comma lists); a named region without an error or a warning gets no letter.", valueName: "id"))
    var regions: [String] = []

    @Option(help: "Output format: html (A4 pages with the map inline) or markdown (with the map as an SVG file).")
    var format: LetterFormat = .html

    /// nl is what the regions read; the default is the config file's `language` key, else en.
    @OptionGroup var language: LanguageOption

    @Flag(help: "Replace the folder of an earlier `regio letters` (only the files regio wrote in it).")
    var force = false

    @Option(help: "Seed of the catchment regionalization.")
    var seed: UInt64 = 1

    func run() throws {
        try reportingInputErrors {
            let paths = try inputs.paths()
            // Fail before the work when the folder exists and may not be replaced.
            try AtomicOutput.checkReplaceable(output, directory: true, force: force, inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths)
            let (result, territories) = try dataset.audit(catchments: try dataset.catchments(seed: seed))
            let writer = dataset.letterWriter(result: result, territories: territories)
            let withProblems = writer.regionsWithProblems
            var chosen = withProblems
            var skipped: [RegionID] = []
            if !regions.isEmpty {
                let named = try RegionChoice.resolve(regions, in: result.regions, file: "--region")
                chosen = withProblems.filter(named.contains)
                skipped = named.filter { !withProblems.contains($0) }
            }
            for id in skipped {
                writeStandardOutput("regio letters: \(id) has no error or warning: no letter\n")
            }
            guard !chosen.isEmpty else {
                writeStandardOutput("regio letters: no region to write to; nothing written\n")
                return
            }
            let language = self.language.resolved(dataset.settings)
            let files = try dataset.letterFiles(writer, regions: chosen, format: format, language: language)
            try AtomicOutput.writeFolder(output, files: files, force: force, inputs: paths.outputInputs)
            let noun = chosen.count == 1 ? "letter" : "letters"
            writeStandardOutput("regio letters: wrote \(chosen.count) \(noun) (\(format.rawValue), \(language.rawValue)) to \(output): \(chosen.map(\.rawValue).joined(separator: ", "))\n")
        }
    }
}

extension LetterFormat: ExpressibleByArgument {}
