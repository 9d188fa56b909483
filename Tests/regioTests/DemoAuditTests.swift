import Foundation
import Testing

/// `regio audit` with no inputs audits the demo dataset: every planted problem (geodata/demo/planted.json)
/// is found, and nothing else is an error.
@Suite struct DemoAuditTests {
    func demoAudit() throws -> (status: Int32, report: [String: Any]) {
        let out = try RegioProcess.run(["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.stderr)")
        return (out.status, report)
    }

    @Test func everyPlantedProblemIsFoundAndNoOtherError() throws {
        let (status, report) = try demoAudit()
        #expect(status == 1, "planted errors give exit code 1")
        let planted = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf:
            RegioProcess.packageRoot.appendingPathComponent("geodata/demo/planted.json"))) as? [[String: Any]])
        let findings = try #require(report["findings"] as? [[String: Any]])
        for rule in ["school-in-multiple-regions", "unknown-school", "lead-without-technology", "empty-region",
                     "split-close-schools", "undersized-region", "part-of-larger-area", "overlapping-regions",
                     "fragmented-region", "enclave", "uncovered-school", "techniekarm", "single-technology-school",
                     "split-institution"] {
            #expect(planted.contains { $0["rule"] as? String == rule }, "the demo plants \(rule)")
        }
        // Rules about schools must name the planted schools; rules about regions name the regions (their
        // `schools` say which members concern it, e.g. the outliers of a fragmented region).
        let schoolRules: Set<String> = ["school-in-multiple-regions", "unknown-school", "lead-without-technology",
                                        "split-close-schools", "enclave", "uncovered-school", "single-technology-school"]
        for fault in planted {
            let rule = fault["rule"] as! String
            let regions = Set(fault["regions"] as? [String] ?? []), schools = Set(fault["schools"] as? [String] ?? [])
            let found = findings.contains { f in
                f["rule"] as? String == rule && regions.isSubset(of: Set(f["regions"] as? [String] ?? []))
                    && (!schoolRules.contains(rule) || schools.isSubset(of: Set(f["schools"] as? [String] ?? [])))
            }
            #expect(found, "planted \(rule) \(regions.sorted()) \(schools.sorted()) not found")
        }
        // Errors: exactly the planted ones.
        func key(_ f: [String: Any]) -> String {
            "\(f["rule"] as! String)|\((f["regions"] as? [String] ?? []).sorted())|\((f["schools"] as? [String] ?? []).sorted())"
        }
        let errors = Set(findings.filter { $0["severity"] as? String == "error" }.map(key))
        let plantedErrors = Set(planted.filter { $0["severity"] as? String == "error" }.map(key))
        #expect(errors == plantedErrors)
    }

    @Test func reportsReadWellInEveryFormat() throws {
        let text = try RegioProcess.run(["audit"])
        #expect(text.stdout.contains("regio audit: 17 regions"))
        #expect(text.stdout.contains("Methods: territory = "))
        #expect(!text.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let markdown = try RegioProcess.run(["audit", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Audit of the pre-registrations"))
        #expect(markdown.stdout.contains("| region | name |"))
        let csv = try RegioProcess.run(["audit", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "rule,severity,regions,schools,message,value")
        let (_, report) = try demoAudit()
        #expect(lines.count - 1 == (report["findings"] as? [Any])?.count)
        let regions = try #require(report["regions"] as? [[String: Any]])
        for key in ["id", "name", "lead", "schools", "countedStudents", "technicalStudents", "technicalShare", "techniekarm", "budgetEUR"] {
            #expect(regions.first?[key] != nil, "regions[].\(key)")
        }
        #expect(report["suggestions"] is [Any])
    }

    @Test func outputFileIsWrittenAndExitCodeKept() throws {
        let scratch = Scratch()
        let path = scratch.directory.appendingPathComponent("audit.md").path
        let out = try RegioProcess.run(["audit", "--format", "markdown", "--output", path])
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        #expect((try String(contentsOfFile: path, encoding: .utf8)).contains("## To contact"))
    }
}
