import Foundation
import RegioDomain
import RegioInputs

/// The base audit and each scenario side by side: per region its figures with the change, and the findings
/// each scenario resolves and introduces. Text, Markdown or JSON
/// (`{"base": {...audit...}, "scenarios": [{"name", "edits", "audit", "resolved", "introduced", "changes"}]}`).
public struct ComparisonReport: Sendable, Codable {
    public let base: AuditResult
    public let scenarios: [ScenarioComparison]

    public enum Format: String, CaseIterable, Sendable { case text, markdown, json }

    public init(base: AuditResult, scenarios: [ScenarioComparison]) {
        self.base = base
        self.scenarios = scenarios
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .json: json()
        case .text: text(markdown: false)
        case .markdown: text(markdown: true)
        }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// A table per scenario of the regions it changes, then its resolved and introduced findings.
    func text(markdown: Bool) -> String {
        var out = markdown ? "# Scenarios compared with the base\n\n" : "Scenarios compared with the base\n"
        out += "base: \(base.regions.count) regions, \(base.count(.error)) errors, \(base.count(.warning)) warnings\n"
        for s in scenarios {
            out += markdown ? "\n## \(s.name)\n\n" : "\n== \(s.name) ==\n"
            out += "\(s.edits.count) edit\(s.edits.count == 1 ? "" : "s"): \(s.edits.map(\.description).joined(separator: "; "))\n"
            out += "\(s.audit.regions.count) regions, \(s.audit.count(.error)) errors (\(signed(s.audit.count(.error) - base.count(.error)))), "
            out += "\(s.audit.count(.warning)) warnings (\(signed(s.audit.count(.warning) - base.count(.warning))))\n\n"
            let changed = s.changes.filter(\.isChanged)
            let header = ["region", "schools", "counted", "technical", "share", "techniekarm", "budget EUR"]
            var rows: [[String]] = []
            for c in changed {
                func pair<T>(_ f: (RegionFigures) -> T, _ show: (T) -> String) -> String {
                    let b = c.before.map { show(f($0)) } ?? "–", a = c.after.map { show(f($0)) } ?? "–"
                    return b == a ? a : "\(b) → \(a)"
                }
                rows.append([c.id.rawValue, pair({ $0.schools.count }, String.init), pair(\.countedStudents, String.init),
                             pair(\.technicalStudents, String.init),
                             pair(\.technicalShare, { AuditReport.shareText($0) }),
                             pair(\.techniekarm, { $0 ? "yes" : "no" }), pair({ $0 }, { BudgetText.region($0).replacingOccurrences(of: "EUR ", with: "") })])
            }
            out += table(header, rows, markdown: markdown)
            out += "\nresolved (\(s.resolved.count)):\n"
            for f in s.resolved { out += "  - \(f.rule.rawValue): \(f.message)\n" }
            out += "introduced (\(s.introduced.count)):\n"
            for f in s.introduced { out += "  + \(f.rule.rawValue): \(f.message)\n" }
        }
        return out
    }

    func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    func table(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
        if rows.isEmpty { return "(no region changes)\n" }
        if markdown {
            var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
            for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
            return out
        }
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}

extension Dataset {
    /// The audit of `scenario` applied to this dataset's registration, compared with `base`.
    /// - Throws: ``InputError`` naming the scenario file and the edit that cannot apply.
    public func compare(_ scenario: Scenario, file: String, base: AuditResult, auditor: Auditor) throws(InputError) -> ScenarioComparison {
        guard let registration else {
            throw InputError(.fileNotFound, file: "--registrations", message: "no pre-registration given: pass --registrations FILE")
        }
        let edited: Registration
        do {
            edited = try registration.applying(scenario.edits, knownSchools: Set(register.schools.map(\.code)))
        } catch {
            throw InputError(.badValue, file: file, message: "\(error.description); nothing was applied")
        }
        do {
            try auditor.update(to: edited)
        } catch {
            throw InputError(.badGeometry, file: file, message: "a geometry operation failed: \(error)")
        }
        return ScenarioComparison(name: scenario.name, edits: scenario.edits, base: base, audit: auditor.result)
    }
}
