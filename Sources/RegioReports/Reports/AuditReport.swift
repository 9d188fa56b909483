import Foundation
import RegioDomain

/// Renders an ``AuditResult`` as text (terminal), Markdown (briefing), JSON (the contract other tools use)
/// or CSV (one row per finding), in English or Dutch. Text and Markdown are written for action: the regions to
/// contact first, then each region with its lead and its findings, the close-by pairs grouped per region pair
/// (``AuditOutline``); JSON and CSV list every finding.
public struct AuditReport {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, json, csv }

    /// The result to report, already filtered (``AuditResult/filtered(by:)``) when the reader asked for a part.
    public let result: AuditResult
    /// The language of every sentence, number and message (JSON keys, rule ids and severities stay English).
    public var language: Language
    /// Names the leads in the region headers and the closest schools of grouped close-by pairs.
    public var schools: SchoolDirectory
    /// Use ANSI colours (text format on a terminal).
    public var colour: Bool

    public init(_ result: AuditResult, language: Language = .en, schools: SchoolDirectory = SchoolDirectory(), colour: Bool = false) {
        self.result = result
        self.language = language
        self.schools = schools
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
    /// keys sorted, stable for diffs; messages, headlines and reasons in ``language`` (stated as
    /// `settings.language`), and `filter` when the result was filtered.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[Language.codingKey] = language
        return String(decoding: (try? encoder.encode(result.stating(language))) ?? Data(), as: UTF8.self) + "\n"
    }

    // MARK: CSV

    /// One row per finding: rule, severity, regions and schools (space-separated), message (in ``language``),
    /// value. The header and the ids stay English, for scripts.
    public func csv() -> String {
        var out = "rule,severity,regions,schools,message,value\n"
        for f in result.findings {
            let value = f.value.map { String(format: "%.3f", $0) } ?? ""
            out += [f.rule.rawValue, f.severity.rawValue, f.regions.joined(separator: " "),
                    f.schools.joined(separator: " "), f.message(in: language), value].map(Self.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    // MARK: sentences shared by text and Markdown

    /// "44 regions, 12 errors, 530 warnings, 20 notes" (nl: "44 regio's, 12 fouten, …").
    func countsLine() -> String {
        language.regions(result.regions.count) + ", "
            + Severity.allCases.map { language.count(result.count($0), $0) }.joined(separator: ", ")
    }

    /// "STO19029 Rotterdam Zuid, lead: Het College, Rotterdam (00AB01)" (nl: "penvoerder: …").
    func title(_ r: RegionFigures, separator: String = "  ") -> String {
        let name = r.name.isEmpty ? r.id.rawValue : "\(r.id)\(separator)\(r.name)"
        let lead = r.lead.map(schools.lead) ?? language.pick("none", "geen")
        return "\(name), \(language.pick("lead", "penvoerder")): \(lead)"
    }

    /// "12 schools (5 technical), 3,370 counted / 812 technical students (24.1 %), budget €2,436,000,
    /// territory 182 km²" (nl: "12 scholen (5 technisch), 3.370 getelde / 812 technische leerlingen (24,1 %), …").
    func figuresLine(_ r: RegionFigures) -> String {
        let l = language
        let share = l.share(r.technicalShare) + (r.techniekarm ? ", techniekarm" : "")
        let territory = l.squareKilometres(r.territoryAreaSquareKilometers, decimals: 0)
        return l.pick(
            "\(l.schools(r.schools.count)) (\(l.integer(r.technicalSchools.count)) technical), \(l.integer(r.countedStudents)) counted / \(l.integer(r.technicalStudents)) technical students (\(share)), budget \(BudgetText.region(r, in: l)), territory \(territory)",
            "\(l.schools(r.schools.count)) (\(l.integer(r.technicalSchools.count)) technisch), \(l.integer(r.countedStudents)) getelde / \(l.integer(r.technicalStudents)) technische leerlingen (\(share)), budget \(BudgetText.region(r, in: l)), gebied \(territory)")
    }

    /// "2 errors, 244 warnings" (the severities a region has; notes left out).
    func contactCounts(_ c: AuditResult.SeverityCounts) -> String {
        [(c.errors, Severity.error), (c.warnings, .warning)].filter { $0.0 > 0 }.map { language.count($0.0, $0.1) }
            .joined(separator: ", ")
    }

    /// The line of one item of a region's section (without its severity and rule).
    func itemText(_ item: AuditOutline.Item, in region: RegionID) -> String {
        switch item {
        case .finding(let f): f.message(in: language)
        case .pairs(let group): group.line(in: language, schools: schools)
        case .reference(let group): group.reference(from: region, in: language)
        }
    }

    /// "Filter: rules split-close-schools; regions STO19029; warnings and worse. The totals are those of the
    /// whole audit." or `nil` for an unfiltered result.
    func filterLine() -> String? {
        guard let filter = result.filter, !filter.isEmpty else { return nil }
        let l = language
        var parts: [String] = []
        if !filter.rules.isEmpty { parts.append(l.pick("rules ", "regels ") + filter.rules.map(\.rawValue).joined(separator: ", ")) }
        if !filter.regions.isEmpty { parts.append(l.pick("regions ", "regio's ") + filter.regions.map(\.rawValue).joined(separator: ", ")) }
        if let severity = filter.severity {
            parts.append(severity == .info ? l.pick("every severity", "elke ernst")
                         : l.pick("\(l.word(severity))s and worse", "\(l.word(severity)) en ernstiger"))
        }
        return "Filter: " + parts.joined(separator: "; ") + l.pick(". The totals are those of the whole audit.",
                                                                   ". De totalen gelden voor de hele audit.")
    }

    /// "Methods: …" in one sentence.
    func methodsText() -> (territory: String, catchment: String) {
        let catchment = result.methods.catchment.text(in: language)
        return (result.methods.territory.text(in: language), catchment.hasSuffix(".") ? String(catchment.dropLast()) : catchment)
    }

    /// The national totals in one sentence, as text, Markdown and the map state them: "44 regions, 1,116
    /// schools (each counted once), 80,212 counted and 22,718 technical students, budget €…" (nl: "44 regio's,
    /// 1.116 scholen (elk één keer geteld), 80.212 getelde en 22.718 technische leerlingen, budget € …").
    public static func totalsLine(_ t: AuditTotals, in language: Language = .en) -> String {
        let l = language
        return l.pick(
            "\(l.regions(t.regions)), \(l.schools(t.schools)) (each counted once), \(l.integer(t.countedStudents)) counted and \(l.integer(t.technicalStudents)) technical students, budget \(BudgetText.totals(t, in: l))",
            "\(l.regions(t.regions)), \(l.schools(t.schools)) (elk één keer geteld), \(l.integer(t.countedStudents)) getelde en \(l.integer(t.technicalStudents)) technische leerlingen, budget \(BudgetText.totals(t, in: l))")
    }
}
