import Foundation
import RegioDomain

/// Renders an ``AuditResult`` as text (terminal), Markdown (briefing), JSON (the contract other tools use)
/// or CSV (one row per finding).
public struct AuditReport {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, json, csv }

    public let result: AuditResult
    /// Use ANSI colours (text format on a terminal).
    public var colour: Bool

    public init(_ result: AuditResult, colour: Bool = false) {
        self.result = result
        self.colour = colour
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: json()
        case .csv: csv()
        }
    }

    // MARK: JSON

    /// `{"regions": [...], "findings": [...], "suggestions": [...], "methods": {...}, "settings": {...}}`,
    /// keys sorted, stable for diffs.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(result)) ?? Data(), as: UTF8.self) + "\n"
    }

    // MARK: CSV

    /// One row per finding: rule, severity, regions and schools (space-separated), message, value.
    public func csv() -> String {
        var out = "rule,severity,regions,schools,message,value\n"
        for f in result.findings {
            let value = f.value.map { String(format: "%.3f", $0) } ?? ""
            out += [f.rule.rawValue, f.severity.rawValue, f.regions.joined(separator: " "),
                    f.schools.joined(separator: " "), f.message, value].map(Self.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    // MARK: text

    /// Regions ordered worst first (most errors, then warnings), with their figures and findings.
    public func text() -> String {
        var out = bold("regio audit") + ": \(result.regions.count) regions, "
        out += paint("\(result.count(.error)) errors", .error) + ", " + paint("\(result.count(.warning)) warnings", .warning)
        out += ", \(result.count(.info)) notes\n"
        out += "Totals: \(Self.totalsLine(result.totals))\n"
        for region in regionsWorstFirst(result.severityCountsByRegion()) {
            let findings = result.findings(of: region.id)
            out += "\n" + bold("\(region.id)  \(region.name)") + "\n"
            out += "  " + figuresLine(region) + "\n"
            for f in findings { out += "  " + paint(f.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0), f.severity) + " \(f.rule.rawValue): \(f.message)\n" }
        }
        let unassigned = result.findings.filter { $0.regions.isEmpty }
        if !unassigned.isEmpty {
            out += "\n" + bold("Schools in no region") + "\n"
            for f in unassigned { out += "  " + paint("info   ", .info) + " \(f.rule.rawValue): \(f.message)\n" }
        }
        if !result.suggestions.isEmpty {
            out += "\n" + bold("Suggestions") + "\n"
            for s in result.suggestions {
                out += "  \(s.headline) (score \(String(format: "%.2f", s.score))): \(s.reason)\n"
            }
        }
        let catchment = result.methods.catchment.hasSuffix(".") ? String(result.methods.catchment.dropLast()) : result.methods.catchment
        out += "\nMethods: \(result.methods.territory); \(catchment).\n"
        return out
    }

    // MARK: Markdown

    public func markdown() -> String {
        var out = "# Audit of the pre-registrations\n\n"
        out += "\(result.regions.count) regions: **\(result.count(.error)) errors**, \(result.count(.warning)) warnings, \(result.count(.info)) notes.\n\n"
        out += "Totals: \(Self.totalsLine(result.totals)).\n\n"
        out += "| region | name | schools | counted | technical | share | techniekarm | budget | errors | warnings |\n"
        out += "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n"
        let counts = result.severityCountsByRegion()
        for r in regionsWorstFirst(counts) {
            let c = counts[r.id] ?? AuditResult.SeverityCounts()
            out += "| \(r.id) | \(r.name) | \(r.schools.count) | \(r.countedStudents) | \(r.technicalStudents) | \(Self.shareText(r.technicalShare)) | \(r.techniekarm ? "yes" : "no") | \(BudgetText.region(r)) | \(c.errors) | \(c.warnings) |\n"
        }
        for severity in Severity.allCases {
            let fs = result.findings.filter { $0.severity == severity }
            guard !fs.isEmpty else { continue }
            out += "\n## \(severity.rawValue.capitalized)s (\(fs.count))\n\n"
            for f in fs { out += "- **\(f.rule.rawValue)** (\(f.regions.joined(separator: ", "))): \(f.message)\n" }
        }
        if !result.suggestions.isEmpty {
            out += "\n## Suggestions\n\n"
            for s in result.suggestions { out += "- **\(s.headline)**, score \(String(format: "%.2f", s.score)): \(s.reason)\n" }
        }
        out += "\n## Methods\n\n- \(result.methods.territory)\n- \(result.methods.catchment)\n"
        return out
    }

    // MARK: helpers

    /// The regions with the most errors first, then the most warnings, else in registration order.
    func regionsWorstFirst(_ counts: [RegionID: AuditResult.SeverityCounts]) -> [RegionFigures] {
        func weight(_ r: RegionFigures) -> (Int, Int) { counts[r.id].map { ($0.errors, $0.warnings) } ?? (0, 0) }
        return result.regions.enumerated().sorted { a, b in
            let wa = weight(a.element), wb = weight(b.element)
            return wa != wb ? wa > wb : a.offset < b.offset
        }.map(\.element)
    }

    func figuresLine(_ r: RegionFigures) -> String {
        var s = "\(r.schools.count) schools (\(r.technicalSchools.count) technical), lead \(r.lead ?? "none"), "
        s += "\(r.countedStudents) counted / \(r.technicalStudents) technical students (\(Self.shareText(r.technicalShare))"
        s += r.techniekarm ? ", techniekarm)" : ")"
        s += ", budget \(BudgetText.region(r)), territory \(String(format: "%.0f", r.territoryAreaSquareKilometers)) km²"
        return s
    }

    /// "20.2 %", or "n/a" without counted pupils.
    static func shareText(_ share: Double?, missing: String = "n/a") -> String {
        share.map { String(format: "%.1f %%", $0 * 100) } ?? missing
    }

    /// "1,234,567": rounded to a whole number, thousands grouped (amounts in euros, distances, counts).
    static func grouped(_ amount: Double) -> String { BudgetText.grouped(amount) }

    /// The national totals in one sentence, as text, Markdown and the map state them: "44 regions, 1,116
    /// schools (each counted once), 80,212 counted and 22,718 technical students, budget EUR …".
    public static func totalsLine(_ t: AuditTotals) -> String {
        "\(t.regions) region\(t.regions == 1 ? "" : "s"), \(grouped(Double(t.schools))) schools (each counted once), "
            + "\(grouped(Double(t.countedStudents))) counted and \(grouped(Double(t.technicalStudents))) technical students, "
            + "budget \(BudgetText.totals(t))"
    }

    func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    func paint(_ s: String, _ severity: Severity) -> String {
        guard colour else { return s }
        let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }
}
