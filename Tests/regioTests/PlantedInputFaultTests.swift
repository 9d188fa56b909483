import Foundation
import Testing

/// The faults issue 11 saw, planted at test time into copies of the real register and a real-data
/// pre-registration (Tests/oracle/plant_input_faults.py): a registered school moved to Paris, a member's
/// coordinates blanked (placed at its postcode centroid), a lead's coordinates and postcode blanked, a
/// region without a lead, an id one digit short, a region with two names. Each must be the finding it
/// should be; every exact rule and the national totals must agree with the independent Python oracle; the
/// text and Markdown reports must state the same totals. Needs ../shared/geodata and `.venv`.
@Suite(.enabled(if: Oracle.available, "needs ../shared/geodata and .venv (bash Tests/oracle/setup-venv.sh)"))
struct PlantedInputFaultTests {
    let scratch = Scratch()
    var geodata: String { RegioProcess.sharedGeodata!.path }
    var students: String { "\(geodata)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv" }
    var municipalities: String { "\(geodata)/gemeenten_2020_wgs84.geojson" }
    var postcodes: String { "\(geodata)/pc4_centroids_4pp.csv" }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func plantedInputFaultsAreFindingsAndTheTotalsAgreeWithTheOracle() throws {
        let base = scratch.path("base.csv"), basePlanted = scratch.path("base-planted.json")
        let register = scratch.path("schools.csv"), registration = scratch.path("registration.csv"), planted = scratch.path("planted.json")
        _ = try Oracle.output("make_real_registration.py", ["--schools", "\(geodata)/duo_vestigingen_vo_2020-12_geocoded.csv",
                                                     "--students", students, "--out", base, "--planted", basePlanted])
        _ = try Oracle.output("plant_input_faults.py", ["--schools", "\(geodata)/duo_vestigingen_vo_2020-12_geocoded.csv",
                                                 "--registration", base, "--base-planted", basePlanted, "--postcodes", postcodes,
                                                 "--out-schools", register, "--out-registration", registration, "--planted", planted])
        let inputs = ["--schools", register, "--students", students, "--registrations", registration, "--postcodes", postcodes]
        let oracle = try json(try Oracle.output("audit_oracle.py", inputs + ["--municipalities", municipalities]))
        let audit = try RegioProcess.run(["audit", "--format", "json", "--municipalities", municipalities] + inputs)
        #expect(audit.status == 1, "errors found; stderr: \(audit.stderr)")
        let ours = try json(audit.stdout)

        // Each planted fault is exactly one finding of its rule.
        let faults = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planted))) as? [[String: Any]])
        #expect(faults.count == 6)
        let newRules: Set<String> = ["missing-lead", "malformed-region-id", "conflicting-region-name", "school-not-placed",
                                     "school-outside-map", "approximate-location"]
        let found = Oracle.findingKeys(ours, rules: newRules)
        for fault in faults {
            let key = "\(fault["rule"] as! String)|\((fault["regions"] as! [String]).joined(separator: ","))|\((fault["schools"] as! [String]).joined(separator: ","))"
            #expect(found.contains(key), "planted \(key) (\(fault["note"] ?? "")) not among \(found.sorted())")
        }

        // The school moved to Paris is left out of every spatial rule and of the suggestions' moves: its location is wrong.
        let paris = try #require(faults.first { $0["rule"] as? String == "school-outside-map" }?["schools"] as? [String]).first ?? ""
        let spatial: Set<String> = ["split-close-schools", "fragmented-region", "enclave", "overlapping-regions"]
        for finding in ours["findings"] as? [[String: Any]] ?? [] where spatial.contains(finding["rule"] as? String ?? "") {
            #expect(!(finding["schools"] as? [String] ?? []).contains(paris) && !(finding["message"] as? String ?? "").contains(paris),
                    "\(finding["rule"] ?? "") measured from the school moved abroad: \(finding["message"] ?? "")")
        }
        for suggestion in ours["suggestions"] as? [[String: Any]] ?? [] {
            #expect(!(suggestion["schools"] as? [String] ?? []).contains(paris), "a suggestion moves the school moved abroad")
        }

        // Every exact rule, the new ones included, finding for finding with the oracle.
        let exact = OracleAgreementTests.exactRules
        #expect(Oracle.findingKeys(oracle, rules: exact).subtracting(Oracle.findingKeys(ours, rules: exact)).sorted() == [], "missed by regio")
        #expect(Oracle.findingKeys(ours, rules: exact).subtracting(Oracle.findingKeys(oracle, rules: exact)).sorted() == [], "not in the oracle")

        // The totals: each school once, as the oracle counts them independently.
        let totals = try #require(ours["totals"] as? [String: Any]), expected = try #require(oracle["totals"] as? [String: Any])
        for key in ["regions", "schools", "countedStudents", "technicalStudents", "techniekarmRegions"] {
            #expect(totals[key] as? Int == expected[key] as? Int, "totals.\(key): \(totals[key] ?? "none") vs oracle \(expected[key] ?? "none")")
        }
        #expect(abs((totals["budgetEUR"] as? Double ?? -1) - (expected["budgetEUR"] as? Double ?? -2)) < 0.5, "totals.budgetEUR")
        // A school listed twice makes the regions' own sum larger than the total.
        let regions = ours["regions"] as? [[String: Any]] ?? []
        #expect(regions.reduce(0) { $0 + ($1["countedStudents"] as? Int ?? 0) } > totals["countedStudents"] as? Int ?? 0)
        // Techniekarm regions carry the programme's range instead of an amount.
        for region in regions where region["techniekarm"] as? Bool == true {
            #expect(region["budgetEUR"] == nil && region["budgetRangeEUR"] as? [Double] == [600_000, 4_000_000], "\(region["id"] ?? "")")
        }

        // Text and Markdown state the same totals.
        let counted = grouped(totals["countedStudents"] as? Int ?? 0), technical = grouped(totals["technicalStudents"] as? Int ?? 0)
        for format in ["text", "markdown"] {
            let report = try RegioProcess.run(["audit", "--no-catchments", "--format", format, "--municipalities", municipalities] + inputs)
            #expect(report.stdout.contains("\(counted) counted and \(technical) technical students"), "\(format) totals")
            #expect(report.stdout.contains("€600,000–4,000,000 for four years"), "\(format) techniekarm budget")
        }
    }

    func grouped(_ n: Int) -> String {
        let digits = String(n)
        return String(digits.reversed().enumerated().map { i, c in i > 0 && i % 3 == 0 ? ",\(c)" : "\(c)" }.joined().reversed())
    }
}
