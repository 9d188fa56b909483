import Foundation
import RegioDomain
import RegioInputs
import RegioReports
import RegioTestSupport
import Testing

/// The demo audit's text and Markdown reports in English and Dutch, compared byte for byte with the golden
/// files in `Golden/`. After a deliberate change of the reports, rewrite them with
/// `REGIO_UPDATE_GOLDEN=1 swift test --filter AuditReportGoldenTests` and review the diff.
@Suite struct AuditReportGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The demo audit as `regio audit` makes it (catchment areas with seed 1), and the report of it.
    static func demoReport(_ language: Language) throws -> AuditReport {
        let dataset = try Fixtures.demoDataset()
        let result = try dataset.audit(catchments: try dataset.catchments(seed: 1)).result
        return AuditReport(result, language: language, schools: SchoolDirectory(dataset.schoolsByCode))
    }

    @Test(arguments: [Language.en, .nl], [AuditReport.Format.text, .markdown])
    func theDemoReportIsTheGoldenFile(language: Language, format: AuditReport.Format) throws {
        let rendered = try Self.demoReport(language).render(format)
        let file = Self.folder.appendingPathComponent("demo-audit.\(language.rawValue).\(format == .text ? "txt" : "md")")
        if ProcessInfo.processInfo.environment["REGIO_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: file)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        if rendered != golden {
            let (a, b) = (golden.split(separator: "\n", omittingEmptySubsequences: false), rendered.split(separator: "\n", omittingEmptySubsequences: false))
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(file.lastPathComponent) differs from line \(line + 1): expected '\(line < a.count ? a[line] : "<end>")', got '\(line < b.count ? b[line] : "<end>")' (REGIO_UPDATE_GOLDEN=1 rewrites it)")
        }
    }

    @Test func theDutchReportWritesDutchNumbersAndPlurals() throws {
        let report = try Self.demoReport(.nl)
        let text = report.text()
        #expect(text.hasPrefix("regio audit: 17 regio's, 5 fouten, 12 waarschuwingen, 7 opmerkingen\n"))
        #expect(text.contains("Totalen: 17 regio's, 68 scholen (elk één keer geteld), 38.198 getelde en 11.172 technische leerlingen, budget € 33.237.000, en voor de techniekarme regio € 600.000–4.000.000 voor vier jaar\n"))
        // One of each: singular; a region with one error and one warning says so.
        #expect(text.contains("STO19004  Vakmanschap Zandwijk e.o.: 1 fout, 1 waarschuwing; penvoerder "))
        #expect(text.contains("  7 scholen (2 technisch), 2.638 getelde / 591 technische leerlingen (22,4 %), budget € 1.773.000, gebied 184 km²\n"))
        #expect(!text.contains("EUR") && !text.contains(" 1 scholen") && !text.contains("alle 2 "))
        let english = try Self.demoReport(.en).text()
        #expect(english.contains("STO19004  Vakmanschap Zandwijk e.o.: 1 error, 1 warning; lead "))
        #expect(english.contains("  7 schools (2 technical), 2,638 counted / 591 technical students (22.4 %), budget €1,773,000, territory 184 km²\n"))
        #expect(!english.contains(" 1 schools") && !english.contains(" 1 warnings") && !english.contains("all 2 "))
    }

    @Test func theSummaryUsesOneWordForNotesInEveryFormat() throws {
        for language in Language.allCases {
            let report = try Self.demoReport(language)
            let word = language.count(report.result.count(.info), .info)
            #expect(report.text().split(separator: "\n")[0].hasSuffix(word))
            #expect(report.markdown().contains(", \(word).\n"))
        }
    }

    @Test func aFilterKeepsItsFindingsAndSaysSoWhileTheTotalsStay() throws {
        let report = try Self.demoReport(.en)
        let filter = AuditFilter(rules: [.overlappingRegions, .splitCloseSchools], regions: ["STO19001"], severity: .warning)
        let filtered = report.result.filtered(by: filter)
        #expect(!filtered.findings.isEmpty)
        #expect(filtered.findings.allSatisfy { [.overlappingRegions, .splitCloseSchools].contains($0.rule) && $0.regions.contains("STO19001") })
        #expect(filtered.findings.count == report.result.findings.filter(filter.admits).count)
        #expect(filtered.regions.map(\.id) == ["STO19001"])
        #expect(filtered.totals == report.result.totals)
        let text = AuditReport(filtered, language: .en, schools: report.schools).text()
        #expect(text.contains("Filter: rules overlapping-regions, split-close-schools; regions STO19001; warnings and worse. The totals are those of the whole audit."))
        let errorsOnly = report.result.filtered(by: AuditFilter(severity: .error))
        #expect(errorsOnly.findings.allSatisfy { $0.severity == .error } && errorsOnly.findings.count == report.result.count(.error))
        let warnings = report.result.filtered(by: AuditFilter(severity: .warning))
        #expect(warnings.findings.count == report.result.count(.error) + report.result.count(.warning))
    }
}
