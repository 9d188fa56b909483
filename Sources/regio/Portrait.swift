import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs
import RegioReports

/// `regio portrait REGION...`: the portrait of one or more regions, as the programme's regional portraits.
struct Portrait: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the portrait of one or more regions: members, pupils per profile and track, share, budget, findings.",
        discussion: """
        Runs the audit (with catchment areas) on the inputs, the demo data when none are given. --format html \
        writes a self-contained, print-friendly page (one portrait per printed page).
        """)

    @Argument(help: ArgumentHelp("Registration numbers of the regions, e.g. STO19042.", valueName: "region"))
    var regions: [String]

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: markdown or html.")
    var format: RegionPortrait.Format = .markdown

    @OptionGroup var destination: OutputOptions

    @Option(help: "Seed of the catchment regionalization.")
    var seed: UInt64 = 1

    func validate() throws {
        guard !regions.isEmpty else { throw ValidationError("name at least one region, e.g. regio portrait STO19042") }
    }

    func run() throws {
        try reportingInputErrors {
            let paths = try inputs.paths()
            try destination.check(inputs: paths.outputInputs)
            let dataset = try Dataset(loading: paths)
            let result = try dataset.audit(catchments: try dataset.catchments(seed: seed)).result
            let byID = Dictionary(result.regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var chosen: [RegionFigures] = []
            for id in regions {
                guard let region = RegionID.typed(id, knownBy: { byID[$0] != nil }).flatMap({ byID[$0] }) else {
                    let known = result.regions.map(\.id)
                    let more = known.count > 20 ? ", … (\(known.count) in all)" : ""
                    throw InputError(.badValue, file: dataset.paths.registrations ?? "--registrations",
                                     message: "no region '\(id)': the known ids are \(known.prefix(20).joined(separator: ", "))\(more)")
                }
                chosen.append(region)
            }
            let schools = dataset.schoolsByCode
            let counts = dataset.students?.counts ?? [:]
            let names = dataset.municipalityNames
            let text: String
            switch format {
            case .html:
                text = RegionPortrait.document(for: chosen, result: result, schools: schools, counts: counts,
                                               municipalityNames: names)
            case .markdown:
                text = chosen.map {
                    RegionPortrait.markdown(for: $0, result: result, schools: schools, counts: counts, municipalityNames: names)
                }.joined(separator: "\n")
            }
            try destination.write(text, inputs: paths.outputInputs)
        }
    }
}

extension RegionPortrait.Format: ExpressibleByArgument {}
