import Foundation
import Testing

/// The audit on the real data against the independent Python oracle (Tests/oracle, shapely + pyproj +
/// geopandas): the pre-registration with planted faults is rebuilt from ../shared/geodata, both tools audit
/// it, and the exact rules of domain.md must agree finding for finding. Needs `.venv` (made by
/// `Tests/oracle/setup-venv.sh`, which `make test` runs) and ../shared/geodata; skipped without them.
@Suite(.enabled(if: Oracle.available, "needs ../shared/geodata and .venv (bash Tests/oracle/setup-venv.sh)"))
struct OracleAgreementTests {
    static let exactRules: Set<String> = ["school-in-multiple-regions", "unknown-school", "lead-without-technology",
                                          "empty-region", "split-close-schools", "uncovered-school", "techniekarm",
                                          "split-institution", "missing-lead", "malformed-region-id", "conflicting-region-name",
                                          "school-not-placed", "school-outside-map", "approximate-location"]

    let scratch = Scratch()
    var geodata: String { RegioProcess.sharedGeodata!.path }
    var schools: String { "\(geodata)/duo_vestigingen_vo_2020-12_geocoded.csv" }
    var students: String { "\(geodata)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv" }

    @Test func exactRulesAndFiguresAgreeWithTheOracleAndEveryPlantedFaultIsFound() throws {
        let registration = scratch.directory.appendingPathComponent("registration.csv").path
        let planted = scratch.directory.appendingPathComponent("planted.json").path
        _ = try Oracle.output("make_real_registration.py", ["--schools", schools, "--students", students,
                                                     "--out", registration, "--planted", planted])
        let oracle = try #require(try JSONSerialization.jsonObject(with: Data(try Oracle.output("audit_oracle.py", [
            "--schools", schools, "--students", students, "--registrations", registration,
            "--municipalities", "\(geodata)/gemeenten_2020_wgs84.geojson"]).utf8)) as? [String: Any])
        let audit = try RegioProcess.run(["audit", "--format", "json", "--schools", schools, "--students", students,
                                          "--municipalities", "\(geodata)/gemeenten_2020_wgs84.geojson",
                                          "--registrations", registration])
        #expect(audit.status == 1, "the planted errors give exit code 1; stderr: \(audit.stderr)")
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])

        // Findings of the exact rules: the same set, finding for finding.
        let expected = Oracle.findingKeys(oracle, rules: Self.exactRules), actual = Oracle.findingKeys(ours, rules: Self.exactRules)
        #expect(expected.count > 400)
        #expect(expected.subtracting(actual).sorted() == [], "missed by regio")
        #expect(actual.subtracting(expected).sorted() == [], "not in the oracle")

        // Figures per region.
        let oracleRegions = Dictionary(uniqueKeysWithValues: (oracle["regions"] as? [[String: Any]] ?? []).map { ($0["id"] as! String, $0) })
        let ourRegions = ours["regions"] as? [[String: Any]] ?? []
        #expect(ourRegions.count == oracleRegions.count)
        for region in ourRegions {
            let id = region["id"] as! String
            let other = try #require(oracleRegions[id])
            #expect(region["countedStudents"] as? Int == other["countedStudents"] as? Int, "\(id) counted")
            #expect(region["technicalStudents"] as? Int == other["technicalStudents"] as? Int, "\(id) technical")
            #expect(region["techniekarm"] as? Bool == other["techniekarm"] as? Bool, "\(id) techniekarm")
            let share = region["technicalShare"] as? Double, otherShare = other["technicalShare"] as? Double
            #expect((share == nil) == (otherShare == nil) && abs((share ?? 0) - (otherShare ?? 0)) < 1e-9, "\(id) share")
        }

        // Every planted fault, the geometric ones included, is among our findings.
        let plantedFaults = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planted))) as? [[String: Any]])
        let ourFindings = ours["findings"] as? [[String: Any]] ?? []
        for fault in plantedFaults {
            let rule = fault["rule"] as! String
            let regions = Set(fault["regions"] as? [String] ?? []), schools = Set(fault["schools"] as? [String] ?? [])
            let found = ourFindings.contains { f in
                f["rule"] as? String == rule && regions.isSubset(of: Set(f["regions"] as? [String] ?? []))
                    && (rule == "split-institution" || schools.isSubset(of: Set(f["schools"] as? [String] ?? [])))
            }
            #expect(found, "planted \(rule) \(regions.sorted()) \(schools.sorted()) not found")
        }
    }
}

