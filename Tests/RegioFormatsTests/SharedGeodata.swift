import Foundation
import RegioInputs

extension Fixtures {
    /// The real public data folder `../shared/geodata` (see its README.md), found from this source file's
    /// path: Tests/RegioFormatsTests/ → package root → ../shared/geodata. `nil` when it is absent; tests
    /// that need it use `.enabled(if: Fixtures.sharedGeodata != nil)` so they are skipped, not failed.
    static let sharedGeodata: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // RegioFormatsTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        let folder = packageRoot.appendingPathComponent("../shared/geodata").standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return folder
    }()

    /// The path of `name` in ``sharedGeodata``; `nil` when the folder is absent.
    static func sharedGeodata(_ name: String) -> String? {
        sharedGeodata?.appendingPathComponent(name).path
    }

    /// The real data of ``sharedGeodata`` with the project's real pre-registration (`Tests/oracle/real`).
    static func realDataset() throws -> Dataset {
        let registrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("oracle/real/registration.csv").path
        return try Dataset(loading: InputPaths(
            schools: sharedGeodata("duo_vestigingen_vo_2020-12_geocoded.csv"),
            students: sharedGeodata("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"),
            municipalities: sharedGeodata("gemeenten_2020_wgs84.geojson"),
            registrations: registrations))
    }
}
