import ArgumentParser
import Foundation
import RegioDomain
import RegioFormats

/// `regio catchments`: the logical catchment areas of the map.
struct Catchments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Form logical catchment areas: contiguous groups of municipalities that each reach the thresholds (max-p).",
        discussion: """
        Thresholds are the settings minimumTechnicalSchools and minimumTechnicalStudents (regio config). \
        Islands join their nearest mainland neighbour; the report lists every such link. The same input and \
        --seed give the same areas.
        """)

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Seed of the regionalization.")
    var seed: UInt64 = 1

    func run() throws {
        try reportingInputErrors {
            let dataset = try Dataset(loading: try inputs.paths())
            let partition = try dataset.catchments(seed: seed)
            if format == .json {
                struct Output: Encodable {
                    let method: String
                    let areas: [CatchmentArea]
                    let notes: [String]
                    let heterogeneityMeters: Double
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(Output(method: partition.method, areas: partition.areas, notes: partition.notes,
                                                     heterogeneityMeters: partition.heterogeneityMeters.rounded()))
                try write(String(decoding: data, as: UTF8.self) + "\n", to: output)
                return
            }
            var out = "\(partition.count) catchment areas over \(dataset.map.count) municipalities\n\(partition.method)\n\n"
            for area in partition.areas {
                out += "\(area.id)  \(area.units.count) municipalit\(area.units.count == 1 ? "y" : "ies"), \(area.schools.count) schools, \(area.technicalSchoolCount) technical, \(area.technicalStudents) technical students\(area.meetsThresholds ? "" : "  (below the thresholds)")\n"
                out += "      \(area.units.map { dataset.map[$0].map { "\($0.name)" } ?? $0 }.joined(separator: ", "))\n"
            }
            if !partition.notes.isEmpty { out += "\nNotes\n" + partition.notes.map { "  \($0)\n" }.joined() }
            try write(out, to: output)
        }
    }
}
