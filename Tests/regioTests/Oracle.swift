import Foundation
import Testing

/// The Python side of the tests (`Tests/oracle/*.py` in `.venv`): where it lives, whether it can run, and
/// running one of its scripts.
enum Oracle {
    static let python = RegioProcess.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let available = RegioProcess.sharedGeodata != nil && FileManager.default.isExecutableFile(atPath: python)

    /// Runs `Tests/oracle/<script>` with `arguments` (and extra environment variables) and captures what it prints.
    static func run(_ script: String, _ arguments: [String], environment extra: [String: String] = [:]) throws
        -> RegioProcess.Output {
        try RegioProcess.capture(URL(fileURLWithPath: python),
                                 [RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/\(script)").path] + arguments,
                                 environment: extra)
    }

    /// What `Tests/oracle/<script>` prints; a test issue when it fails.
    static func output(_ script: String, _ arguments: [String]) throws -> String {
        let out = try run(script, arguments)
        #expect(out.status == 0, "\(script) failed: \(out.stderr)")
        return out.stdout
    }

    /// "rule|regions|schools" (regions and schools sorted) of every finding of `rules` in an audit report of
    /// either tool.
    static func findingKeys(_ report: [String: Any], rules: Set<String>) -> Set<String> {
        let findings = report["findings"] as? [[String: Any]] ?? []
        return Set(findings.compactMap { f -> String? in
            guard let rule = f["rule"] as? String, rules.contains(rule) else { return nil }
            let regions = (f["regions"] as? [String] ?? []).sorted().joined(separator: ",")
            let schools = (f["schools"] as? [String] ?? []).sorted().joined(separator: ",")
            return "\(rule)|\(regions)|\(schools)"
        })
    }

    /// Whether `.venv`'s Python exists and can import `modules` (comma-separated, as in an import statement).
    static func canImport(_ modules: String) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: python),
              let out = try? RegioProcess.capture(URL(fileURLWithPath: python), ["-c", "import \(modules)"]) else { return false }
        return out.status == 0
    }
}

extension RegioProcess.Output {
    /// Standard output, then standard error.
    var combined: String { stdout + stderr }
}
