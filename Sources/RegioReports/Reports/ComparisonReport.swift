import Foundation
import RegioDomain
import RegioInputs

/// The base audit and each scenario side by side: per region its figures with the change (named, with its
/// lead), and per rule how many findings each scenario resolves and introduces; the findings themselves with
/// ``listFindings``. Text, Markdown or JSON
/// (`{"base": {...audit...}, "scenarios": [{"name", "edits", "audit", "resolved", "introduced", "changes"}]}`,
/// always every finding).
public struct ComparisonReport: Sendable, Codable {
    public let base: AuditResult
    public let scenarios: [ScenarioComparison]
    /// The language of text and Markdown, and of the JSON's messages.
    public var language: Language = .en
    /// Names the leads and the schools of the edits.
    public var schools = SchoolDirectory()
    /// List every resolved and introduced finding in text and Markdown (the counts per rule always).
    public var listFindings = false

    public enum Format: String, CaseIterable, Sendable { case text, markdown, json }

    private enum CodingKeys: String, CodingKey { case base, scenarios }

    public init(base: AuditResult, scenarios: [ScenarioComparison], language: Language = .en,
                schools: SchoolDirectory = SchoolDirectory(), listFindings: Bool = false) {
        self.base = base
        self.scenarios = scenarios
        self.language = language
        self.schools = schools
        self.listFindings = listFindings
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
        encoder.userInfo[Language.codingKey] = language
        let stated = ComparisonReport(base: base.stating(language), scenarios: scenarios)
        return String(decoding: (try? encoder.encode(stated)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Per scenario: its edits, the counts, a table of the regions it changes (named, with leads), the findings
    /// resolved and introduced per rule, and with ``listFindings`` every one of them.
    func text(markdown: Bool) -> String {
        let l = language
        var out = markdown ? l.pick("# Scenarios compared with the base\n\n", "# Scenario's vergeleken met de basis\n\n")
            : l.pick("Scenarios compared with the base\n", "Scenario's vergeleken met de basis\n")
        out += l.pick("base: ", "basis: ") + counts(base) + "\n"
        let names = Dictionary(base.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for s in scenarios {
            let known = names.merging(s.audit.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            func title(_ id: RegionID) -> String { known[id].map { $0.isEmpty ? id.rawValue : "\(id) (\($0))" } ?? id.rawValue }
            out += markdown ? "\n## \(s.name)\n\n" : "\n== \(s.name) ==\n"
            let edits = s.edits.map { edit in
                edit.text(in: l, title: title, label: { schools.label($0.rawValue) },
                          regionOf: { code in base.regions.first { $0.schools.contains(code.rawValue) }?.id })
            }
            out += l.pick(l.count(s.edits.count, "edit", "edits"), l.count(s.edits.count, "wijziging", "wijzigingen"))
                + ": " + edits.joined(separator: "; ") + "\n"
            out += "\(counts(s.audit)) (\(l.pick("errors", "fouten")) \(signed(s.audit.count(.error) - base.count(.error))), "
            out += "\(l.pick("warnings", "waarschuwingen")) \(signed(s.audit.count(.warning) - base.count(.warning))))\n\n"
            out += table(regionHeader, regionRows(s), markdown: markdown, empty: l.pick("(no region changes)", "(geen regio's gewijzigd)"))
            out += "\n" + table(l.pick(["rule", "resolved", "introduced"], ["regel", "opgelost", "nieuw"]), ruleRows(s),
                                 markdown: markdown, empty: l.pick("(no finding resolved or introduced)", "(geen bevinding opgelost of nieuw)"))
            if listFindings {
                out += "\n" + l.pick("resolved", "opgelost") + " (\(l.integer(s.resolved.count))):\n"
                for f in s.resolved { out += "  - \(f.rule.rawValue): \(f.message(in: l))\n" }
                out += l.pick("introduced", "nieuw") + " (\(l.integer(s.introduced.count))):\n"
                for f in s.introduced { out += "  + \(f.rule.rawValue): \(f.message(in: l))\n" }
            } else if !s.resolved.isEmpty || !s.introduced.isEmpty {
                out += l.pick("(every finding: --list-findings, or --format json)\n", "(elke bevinding: --list-findings, of --format json)\n")
            }
        }
        return out
    }

    /// "44 regions, 12 errors, 530 warnings".
    func counts(_ audit: AuditResult) -> String {
        [language.regions(audit.regions.count), language.count(audit.count(.error), .error),
         language.count(audit.count(.warning), .warning)].joined(separator: ", ")
    }

    var regionHeader: [String] {
        language.pick(["region", "name", "lead", "schools", "counted", "technical", "share", "techniekarm", "budget"],
                      ["regio", "naam", "penvoerder", "scholen", "geteld", "technisch", "aandeel", "techniekarm", "budget"])
    }

    /// One row per region the scenario changes: each figure as "before → after" where it changed.
    func regionRows(_ s: ScenarioComparison) -> [[String]] {
        let l = language
        return s.changes.filter(\.isChanged).map { c in
            func pair<T>(_ f: (RegionFigures) -> T, _ show: (T) -> String) -> String {
                let b = c.before.map { show(f($0)) } ?? "–", a = c.after.map { show(f($0)) } ?? "–"
                return b == a ? a : "\(b) → \(a)"
            }
            return [c.id.rawValue, pair(\.name, { $0 }), pair(\.lead, { $0.map(schools.lead) ?? "–" }),
                    pair({ $0.schools.count }, l.integer), pair(\.countedStudents, l.integer),
                    pair(\.technicalStudents, l.integer), pair(\.technicalShare, l.share),
                    pair(\.techniekarm, l.yesNo), pair({ $0 }, { BudgetText.region($0, in: l) })]
        }
    }

    /// Per rule (rule id order): the findings resolved and introduced.
    func ruleRows(_ s: ScenarioComparison) -> [[String]] {
        var resolved: [Rule: Int] = [:], introduced: [Rule: Int] = [:]
        for f in s.resolved { resolved[f.rule, default: 0] += 1 }
        for f in s.introduced { introduced[f.rule, default: 0] += 1 }
        return Rule.allCases.filter { resolved[$0] != nil || introduced[$0] != nil }.map {
            [$0.rawValue, language.integer(resolved[$0] ?? 0), language.integer(introduced[$0] ?? 0)]
        }
    }

    func signed(_ n: Int) -> String { n > 0 ? "+\(language.integer(n))" : language.integer(n) }

    func table(_ header: [String], _ rows: [[String]], markdown: Bool, empty: String) -> String {
        if rows.isEmpty { return empty + "\n" }
        if markdown {
            var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in " --- |" }.joined() + "\n"
            for r in rows { out += "| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
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
