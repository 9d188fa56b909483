import Foundation
import RegioInputs
import RegioSpatial
import Testing

/// Every input that once crashed a reader under the fuzzer (`Fuzz/Regressions/<target>/`) is read again here:
/// the reader either reads it or refuses it with an ``InputError`` naming the file, and never traps. (`make test`
/// also replays them through the harnesses in the fuzz smoke, under AddressSanitizer.)
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")

    /// The inputs kept for `target`, e.g. `config-yaml`.
    static func inputs(_ target: String) -> [String] {
        let folder = regressions.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The readers of files, by harness (the GeoPackage blobs and the serve bodies go through other code).
    static let readers: [String: @Sendable (String) throws(InputError) -> Void] = [
        "school-register": { path throws(InputError) in _ = try SchoolRegisterReader.read(path) },
        "pupil-file": { path throws(InputError) in _ = try StudentCountsReader.read(path) },
        "registrations": { path throws(InputError) in _ = try RegistrationReader.read(path) },
        // Kept with the name `.xlsx`, as the harness writes them: read as workbooks whatever their bytes.
        "registrations-xlsx": { path throws(InputError) in _ = try RegistrationReader.read(path, maximumBytes: 4_000_000) },
        "geojson-municipalities": { path throws(InputError) in _ = try PolygonLayerReader.read(path: path, in: GeometryContext()) },
        "config-json": { path throws(InputError) in _ = try ConfigReader.read(path) },
        "config-yaml": { path throws(InputError) in _ = try ConfigReader.read(path) },
        "scenario-file": { path throws(InputError) in _ = try ScenarioReader.read(path) },
    ]

    @Test(arguments: readers.keys.sorted())
    func everyInputThatOnceCrashedIsReadOrRefused(target: String) throws {
        let read = try #require(Self.readers[target])
        for path in Self.inputs(target) {
            do {
                try read(path)
            } catch {
                #expect(error.description.hasPrefix(path), "\(error.description)")
            }
        }
    }

    /// Yams's `load` force-unwraps mapping keys as strings: a key that is a mapping or a list trapped
    /// `--config` (found by fuzz-config-yaml; Fuzz/Regressions/config-yaml/mapping-as-key.yaml).
    @Test func aSettingNameThatIsAMappingOrAListIsRefused() throws {
        let files = TemporaryFiles()
        let found = try #require(Self.inputs("config-yaml").first { $0.hasSuffix("mapping-as-key.yaml") })
        let cases = [(found, "a setting name is a mapping"),
                     (files.write("mapping.yaml", "{a: 1}: 2\n"), "a setting name is a mapping"),
                     (files.write("list.yaml", "closeByDistanceMeters: 5000\n? [1, 2]\n: 3\n"), "a setting name is a list")]
        for (path, message) in cases {
            do {
                _ = try ConfigReader.read(path)
                Issue.record("\(path) was read")
            } catch {
                #expect(error.description.hasPrefix(path), "\(error.description)")
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
    }
}
