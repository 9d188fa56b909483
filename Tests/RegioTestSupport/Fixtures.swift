import Foundation
import RegioInputs

/// Where the tests find their data, shared by the test targets of RegioInputs, RegioReports and RegioMap:
/// the package itself, the demo data in `geodata/demo` (every clone has it) and the real public data in
/// `../shared/geodata` (see its README.md), which is never copied into the package. Each test target may
/// extend it with its own hand-made files (RegioInputsTests: `Fixtures/` in its bundle).
public enum Fixtures {
    /// The package root, found from this source file's path: Tests/RegioTestSupport/ → package root.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RegioTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    // MARK: the demo data

    /// `geodata/demo`, made by regio-demo-generator.
    public static let demoFolder = packageRoot.appendingPathComponent("geodata/demo").path
    /// Whether the demo data is there (tests that need it are skipped, not failed, without it).
    public static let demoAvailable = FileManager.default.fileExists(atPath: demoFolder + "/schools.csv")
    /// The demo data's inputs.
    public static let demoInputs = InputPaths.demo(in: demoFolder)

    /// The demo dataset, loaded.
    public static func demoDataset() throws -> Dataset { try Dataset(loading: demoInputs) }

    // MARK: the real data

    /// The real public data folder `../shared/geodata`; `nil` when it is absent, and tests that need it use
    /// `.enabled(if: Fixtures.sharedGeodata != nil)` so they are skipped, not failed.
    public static let sharedGeodata: URL? = {
        let folder = packageRoot.appendingPathComponent("../shared/geodata").standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return folder
    }()

    /// The path of `name` in ``sharedGeodata``; `nil` when the folder is absent.
    public static func sharedGeodata(_ name: String) -> String? {
        sharedGeodata?.appendingPathComponent(name).path
    }

    /// The project's real-data pre-registration, `Tests/oracle/real/registration.csv` (made from the real data).
    public static let realRegistration = packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path

    /// The real inputs: school register, pupil file and municipalities of ``sharedGeodata`` with
    /// ``realRegistration``; `nil` when the folder is absent.
    public static let realInputs: InputPaths? = sharedGeodata == nil ? nil : realPaths

    /// The real dataset, loaded (an ``InputError`` when the folder is absent).
    public static func realDataset() throws -> Dataset { try Dataset(loading: realPaths) }

    private static var realPaths: InputPaths {
        InputPaths(schools: sharedGeodata("duo_vestigingen_vo_2020-12_geocoded.csv"),
                   students: sharedGeodata("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"),
                   municipalities: sharedGeodata("gemeenten_2020_wgs84.geojson"),
                   registrations: realRegistration)
    }
}
