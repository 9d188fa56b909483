// regio-demo-generator: writes the fictional demo dataset (municipalities, schools, postcodes, pupil
// counts, pre-registrations and the list of planted rule violations) to geodata/demo.
//
//     regio-demo-generator [--seed N] [--output DIR]
//
// The same seed gives byte-identical files (on one PROJ installation: the WGS84 coordinates come from
// PROJ's RD New transformation). Internally everything is RD New (EPSG:28992) metres.
import Foundation
import RegioSpatial

let usage = """
    usage: regio-demo-generator [--seed N] [--output DIR]

      --seed N        seed of the random generator (default \(SplitMix64.defaultSeed)); same seed, same files
      --output DIR    folder to write to (default geodata/demo); created if missing
    """

/// Prints `message` to standard error and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data(("regio-demo-generator: " + message + "\n").utf8))
    exit(code)
}

var seed = SplitMix64.defaultSeed
var output = "geodata/demo"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seed":
        guard let value = arguments.popFirst(), let parsed = UInt64(value) else {
            fail("--seed needs a whole number from 0 to \(UInt64.max)\n" + usage, code: 2)
        }
        seed = parsed
    case "--output":
        guard let value = arguments.popFirst(), !value.isEmpty else { fail("--output needs a folder\n" + usage, code: 2) }
        output = value
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        fail("unknown argument '\(argument)'\n" + usage, code: 2)
    }
}

let dataset: DemoDataset
let measured: Measurements
do {
    (dataset, measured) = try DemoDataset.generate(seed: seed)
} catch {
    fail("cannot generate the dataset for seed \(seed): \(error)")
}

let folder = URL(fileURLWithPath: output, isDirectory: true)
do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let toWGS84 = try Projection(from: .rdNew, to: .wgs84)
    let report = PlantedReport(data: dataset, measured: measured)
    let files: [(String, String)] = [
        ("municipalities.geojson", try Writers.municipalitiesGeoJSON(dataset, projection: toWGS84)),
        ("schools.csv", try Writers.schoolsCSV(dataset, projection: toWGS84)),
        ("postcodes.csv", try Writers.postcodesCSV(dataset, projection: toWGS84)),
        ("students.csv", Writers.studentsCSV(dataset)),
        ("registrations.csv", Writers.registrationsCSV(dataset)),
        ("PLANTED.md", report.markdown),
        ("planted.json", report.json),
    ]
    for (name, text) in files {
        try Writers.writeAtomically(text, to: folder.appendingPathComponent(name))
    }
    print("wrote \(files.count) files to \(folder.path) (seed \(seed)): \(dataset.municipalities.count) municipalities, "
          + "\(dataset.schools.count) schools, \(RegionRole.allCases.count) regions, \(report.cases.count) planted cases")
} catch let error as WriteError {
    fail(error.message)
} catch let error as SpatialError {
    fail("cannot project the coordinates to WGS84: \(error)")
} catch {
    fail("cannot write to \(folder.path): \(error.localizedDescription)")
}
