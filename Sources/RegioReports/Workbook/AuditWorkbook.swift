import RegioDomain
import RegioInputs

/// The audit as a workbook for the support team (`regio audit --format xlsx`): a sheet of regions with their
/// figures and finding counts, one of findings (one row per finding, as the JSON lists them) and one of
/// suggestions, best first. Column titles are the JSON's field names (data, the same in every language); counts,
/// students, shares, money (EUR) and areas (km²) are numbers, which the spreadsheet shows in its user's locale.
public struct AuditWorkbook {
    public let result: AuditResult
    /// The language of the sheet names and of yes/no; the findings' messages are the result's own.
    public let language: Language

    public init(_ result: AuditResult, language: Language = .en) {
        self.result = result
        self.language = language
    }

    /// The sheets: regions, findings, suggestions (`regions`, `findings`, `suggestions`; Dutch: `regio's`,
    /// `bevindingen`, `suggesties`).
    public var sheets: [Worksheet] { [regions, findings, suggestions] }

    /// The name of sheet `english` in ``language``.
    private func sheetName(_ english: String) -> String {
        guard language == .nl else { return english }
        return ["regions": "regio's", "findings": "bevindingen", "suggestions": "suggesties"][english] ?? english
    }

    /// The `.xlsx` file's bytes.
    public func bytes() throws(InputError) -> [UInt8] { try XLSXWriter.bytes(sheets) }

    /// One row per region, in registration order.
    public var regions: Worksheet {
        let counts = result.severityCountsByRegion()
        let columns: [Worksheet.Column] = [
            .init("id"), .init("name"), .init("lead"), .init("schools", .integer), .init("technicalSchools", .integer),
            .init("countedStudents", .integer), .init("technicalStudents", .integer), .init("technicalShare", .percent),
            .init("techniekarm"), .init("budgetEUR", .integer), .init("budgetRangeMinEUR", .integer),
            .init("budgetRangeMaxEUR", .integer), .init("territoryAreaSquareKilometers", .decimal),
            .init("municipalities", .integer), .init("errors", .integer), .init("warnings", .integer), .init("infos", .integer),
        ]
        let rows: [[Worksheet.Cell]] = result.regions.map { r in
            let c = counts[r.id] ?? AuditResult.SeverityCounts()
            return [.text("\(r.id)"), .text(r.name), .text(r.lead.map { "\($0)" } ?? ""), .number(r.schools.count),
                    .number(r.technicalSchools.count), .number(r.countedStudents), .number(r.technicalStudents),
                    .number(r.technicalShare), .text(r.techniekarm ? (language == .nl ? "ja" : "yes") : (language == .nl ? "nee" : "no")), .number(r.budgetEUR),
                    .number(r.budgetRangeEUR?.first), .number(r.budgetRangeEUR?.last),
                    .number(r.territoryAreaSquareKilometers), .number(r.municipalities.count),
                    .number(c.errors), .number(c.warnings), .number(c.infos)]
        }
        return Worksheet(name: sheetName("regions"), columns: columns, rows: rows)
    }

    /// One row per finding, in the order of the JSON report; regions and schools space-separated.
    public var findings: Worksheet {
        let columns: [Worksheet.Column] = [.init("rule"), .init("severity"), .init("regions"), .init("schools"),
                                           .init("value"), .init("message")]
        let rows: [[Worksheet.Cell]] = result.findings.map { f in
            [.text(f.rule.rawValue), .text(f.severity.rawValue), .text(f.regions.map { "\($0)" }.joined(separator: " ")),
             .text(f.schools.map { "\($0)" }.joined(separator: " ")), .number(f.value), .text(f.message)]
        }
        return Worksheet(name: sheetName("findings"), columns: columns, rows: rows)
    }

    /// One row per suggestion, best first, with the counts of findings it resolves and introduces.
    public var suggestions: Worksheet {
        let columns: [Worksheet.Column] = [
            .init("rank", .integer), .init("kind"), .init("headline"), .init("regions"), .init("schools"),
            .init("survivingRegion"), .init("score"), .init("resolvedFindings", .integer),
            .init("introducedFindings", .integer), .init("closePairsResolved", .integer),
            .init("sharedBorderMeters", .integer), .init("sameCatchmentShare", .percent), .init("reason"),
        ]
        let rows: [[Worksheet.Cell]] = result.suggestions.enumerated().map { i, s in
            [.number(i + 1), .text(s.kind.rawValue), .text(s.headline), .text(s.regions.map { "\($0)" }.joined(separator: " ")),
             .text(s.schools.map { "\($0)" }.joined(separator: " ")), .text("\(s.survivingRegion)"), .number(s.score),
             .number(s.resolvedFindings.count), .number(s.introducedFindings.count), .number(s.closePairsResolved),
             .number(s.sharedBorderMeters), .number(s.sameCatchmentShare), .text(s.reason)]
        }
        return Worksheet(name: sheetName("suggestions"), columns: columns, rows: rows)
    }
}
