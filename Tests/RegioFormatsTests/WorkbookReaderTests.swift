import Foundation
import RegioDomain
@testable import RegioInputs
import RegioReports
import Testing

/// The XLSX reader of pre-registrations on workbooks written by regio's own writer (inline strings, numbers stored
/// as numbers): the rows come back as the CSV's, a number reads as the text it was typed as, blank rows are skipped,
/// and the header is found in any case.
@Suite struct WorkbookReaderTests {
    let files = TemporaryFiles()
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("geodata/demo/registrations.csv").path

    @Test func aPreRegistrationWorkbookReadsAsItsCSV() throws {
        let csv = Self.demo
        let rows = try RegistrationReader.readRows(csv)
        let book = files.write("demo.xlsx", bytes: try RegistrationWorkbook.bytes(rows))
        let back = try RegistrationReader.readRows(book)
        #expect(back.count == rows.count && rows.count > 20)
        // The same rows; line numbers are the sheet's row numbers, as in the CSV (header on 1, no blank rows).
        #expect(back == rows)
        #expect(try SheetTable.read(book).sheet == RegistrationWorkbook.sheetName)
    }

    @Test func numbersReadAsTheTextTheyWereTypedAs() throws {
        let sheet = Worksheet(name: "Regio's", columns: ["REGIO_ID", "Regio_Naam", "brin6", "Rol"].map { .init($0) }, rows: [
            [.text("STO19001"), .number(19001), .text("00AB01"), .text("penvoerder")],
            [.empty, .empty, .empty, .empty],
            [.text("STO19001"), .number(2.5), .text("00AB02"), .empty],
            [.text("STO19002"), .number(1e20), .text(" 00AC01 "), .text("Deelnemer")],
            [.text("STO19003"), .text("Zwolle & Kampen <Oost> 't \"Veld\"\u{1}"), .text("00AD01"), .text("penvoerder")],
        ])
        let book = files.write("numbers.xlsx", bytes: try XLSXWriter.bytes([sheet]))
        let rows = try RegistrationReader.readRows(book)
        // Markup characters come back as written; a control character XML cannot hold is left out.
        #expect(rows.map(\.regionName) == ["19001", "2.5", "1e+20", "Zwolle & Kampen <Oost> 't \"Veld\""])
        #expect(rows.map(\.schoolCode) == ["00AB01", "00AB02", "00AC01", "00AD01"])
        #expect(rows.map(\.role) == [.lead, .member, .member, .lead])
        // Row numbers of the sheet: the blank row 3 is skipped, not renumbered.
        #expect(rows.map(\.line) == [2, 4, 5, 6])
    }

    @Test func numberCellsKeepTheirDigits() {
        #expect(WorksheetHandler.numberText("19001") == "19001")
        #expect(WorksheetHandler.numberText("1.9001E4") == "19001")
        #expect(WorksheetHandler.numberText("19001.0") == "19001")
        #expect(WorksheetHandler.numberText("0.1") == "0.1")
        #expect(WorksheetHandler.numberText("-3") == "-3")
    }

    @Test func aSheetIsChosenByName() throws {
        let notes = Worksheet(name: "Notes", columns: [.init("note")], rows: [[.text("see the next sheet")]])
        let data = RegistrationWorkbook.sheet(try RegistrationReader.readRows(Self.demo))
        let book = files.write("two.xlsx", bytes: try XLSXWriter.bytes([notes, data]))
        #expect(try RegistrationReader.readRows(book, sheet: "VOORAANMELDING").count > 20)
        #expect(throws: InputError.self) { try RegistrationReader.readRows(book) }
        do {
            _ = try RegistrationReader.readRows(book, sheet: "Blad1")
            Issue.record("a missing sheet was read")
        } catch {
            #expect(error.description.hasSuffix("two.xlsx: has no sheet 'Blad1': its sheets are 'Notes', 'vooraanmelding'"), "\(error)")
        }
    }

    @Test func theAuditWorkbookReadsBackWithItsSheetsInEitherLanguage() throws {
        let result = try Fixtures.demoDataset().audit(catchments: nil).result
        for (language, names) in [(Language.en, ["regions", "findings", "suggestions"]), (.nl, ["regio's", "bevindingen", "suggesties"])] {
            let book = files.write("audit-\(language).xlsx", bytes: try AuditWorkbook(result, language: language).bytes())
            let findings = try SheetTable.read(book, sheet: names[1])
            #expect(findings.header == ["rule", "severity", "regions", "schools", "value", "message"])
            #expect(findings.rowCount == result.findings.count && findings.rowCount > 5)
            #expect((0..<findings.rowCount).map { findings.field($0, 5) } == result.findings.map(\.message))
            let regions = try SheetTable.read(book)
            #expect(regions.sheet == names[0] && regions.rowCount == result.regions.count)
            #expect(try SheetTable.read(book, sheet: names[2]).rowCount == result.suggestions.count)
        }
    }
}
