import Foundation
import Testing

/// `regio-demo-generator` as `make demo-data` runs it: the committed geodata/demo is exactly its output for the
/// default seed, another seed plants the same cases in other data, and bad arguments or an unusable output
/// folder stop it with a message and without files.
@Suite struct DemoGeneratorTests {
    /// The generator binary, built beside `regio` (`swift build` builds every product of the package).
    static let generator = RegioProcess.binary.deletingLastPathComponent().appendingPathComponent("regio-demo-generator")
    static let committed = RegioProcess.packageRoot.appendingPathComponent("geodata/demo")

    func generate(_ arguments: [String]) throws -> RegioProcess.Output {
        try #require(FileManager.default.isExecutableFile(atPath: Self.generator.path), "build the generator: swift build")
        return try RegioProcess.capture(Self.generator, arguments)
    }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The planted cases of a run, as `rule regions` lines (the schools differ between seeds).
    func plantedRulesAndRegions(in folder: URL) throws -> [String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("planted.json"))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return cases.map { "\($0["rule"] as? String ?? "?") \(($0["regions"] as? [String] ?? []).joined(separator: ","))" }
    }

    @Test func defaultSeedRegeneratesTheCommittedDemoDataByteForByte() throws {
        let scratch = Scratch()
        let out = try generate(["--output", scratch.directory.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("wrote 7 files"))
        let written = try files(in: scratch.directory)
        #expect(written == (try files(in: Self.committed)), "the same files as geodata/demo")
        for name in written {
            let fresh = try Data(contentsOf: scratch.directory.appendingPathComponent(name))
            let kept = try Data(contentsOf: Self.committed.appendingPathComponent(name))
            #expect(fresh == kept, "\(name) differs from geodata/demo: run `make demo-data` and commit the result")
        }
    }

    @Test func anotherSeedPlantsTheSameCasesInOtherData() throws {
        let scratch = Scratch()
        let out = try generate(["--seed", "7", "--output", scratch.directory.path])
        #expect(out.status == 0, "the generator's own checks pass for seed 7: \(out.stderr)")
        #expect(try plantedRulesAndRegions(in: scratch.directory) == (try plantedRulesAndRegions(in: Self.committed)))
        let schools = try Data(contentsOf: scratch.directory.appendingPathComponent("schools.csv"))
        #expect(schools != (try Data(contentsOf: Self.committed.appendingPathComponent("schools.csv"))), "seed 7 draws other schools")
    }

    @Test(arguments: [["--seed", "x"], ["--seed", "-1"], ["--output", ""], ["--colour"]])
    func badArgumentsStopWithUsageAndWriteNothing(_ arguments: [String]) throws {
        let scratch = Scratch()
        let folder = scratch.directory.appendingPathComponent("out")
        let out = try generate(arguments.contains("--output") ? arguments : arguments + ["--output", folder.path])
        #expect(out.status != 0)
        #expect(out.stderr.contains("Usage: regio-demo-generator"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func anOutputThatIsAFileStopsWithItsPath() throws {
        let scratch = Scratch()
        let file = scratch.write("not-a-folder", "x")
        let out = try generate(["--output", file])
        #expect(out.status == 1)
        #expect(out.stderr.contains("cannot write to \(file)"), "\(out.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x", "the file is left alone")
    }
}
