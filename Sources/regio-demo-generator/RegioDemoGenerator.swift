// regio-demo-generator: writes the fictional demo dataset (municipalities, schools, postcodes, pupil
// counts, pre-registrations and the list of planted rule violations) to geodata/demo.
//
// The same seed gives byte-identical files (on one PROJ installation: the WGS84 coordinates come from
// PROJ's RD New transformation). Internally everything is RD New (EPSG:28992) metres.
import ArgumentParser
import Foundation
import RegioSpatial

/// The command: draws the dataset for a seed, verifies the planted cases and writes the seven files.
@main
struct RegioDemoGenerator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regio-demo-generator",
        abstract: "Writes the fictional demo dataset with its planted rule violations (geodata/demo).")

    @Option(help: "Seed of the random generator; the same seed gives the same files.")
    var seed: UInt64 = DemoDataset.defaultSeed

    @Option(help: ArgumentHelp("Folder to write to; created if missing.", valueName: "folder"))
    var output: String = "geodata/demo"

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("--output needs a folder") }
    }

    func run() throws {
        let dataset: DemoDataset, measured: Measurements
        do {
            (dataset, measured) = try DemoDataset.generate(seed: seed)
        } catch {
            throw GeneratorFailure("cannot generate the dataset for seed \(seed): \(error)")
        }
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        let report = PlantedReport(data: dataset, measured: measured)
        do {
            try write(dataset, report: report, to: folder)
        } catch let error as WriteError {
            throw GeneratorFailure(error.message)
        } catch let error as SpatialError {
            throw GeneratorFailure("cannot project the coordinates to WGS84: \(error)")
        } catch {
            throw GeneratorFailure("cannot write to \(folder.path): \(error.localizedDescription)")
        }
        print("wrote \(DemoFiles.names.count) files to \(folder.path) (seed \(seed)): \(dataset.municipalities.count) "
              + "municipalities, \(dataset.schools.count) schools, \(RegionRole.allCases.count) regions, "
              + "\(report.cases.count) planted cases")
    }

    /// Renders every file first, then writes each one atomically, so that a failed projection writes nothing.
    private func write(_ dataset: DemoDataset, report: PlantedReport, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try DemoFiles.render(dataset, report: report)
        for (name, text) in files {
            try Writers.writeAtomically(text, to: folder.appendingPathComponent(name))
        }
    }
}

/// The files of the demo dataset, in the order they are written.
enum DemoFiles {
    static let names = ["municipalities.geojson", "schools.csv", "postcodes.csv", "students.csv", "registrations.csv",
                        "PLANTED.md", "planted.json"]

    /// Each file's name and text; coordinates are projected from RD New to WGS84 with PROJ.
    static func render(_ dataset: DemoDataset, report: PlantedReport) throws -> [(name: String, text: String)] {
        let toWGS84 = try Projection(from: .rdNew, to: .wgs84)
        let texts = [
            try Writers.municipalitiesGeoJSON(dataset, projection: toWGS84),
            try Writers.schoolsCSV(dataset, projection: toWGS84),
            try Writers.postcodesCSV(dataset, projection: toWGS84),
            Writers.studentsCSV(dataset),
            Writers.registrationsCSV(dataset),
            report.markdown,
            report.json,
        ]
        return Array(zip(names, texts))
    }
}

/// Why the generator stopped; ArgumentParser prints it on standard error and exits with 1.
struct GeneratorFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
