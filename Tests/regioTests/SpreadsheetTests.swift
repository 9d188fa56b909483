import Foundation
import Testing

/// Spreadsheets as the support team uses them: a pre-registration kept as an XLSX workbook audits exactly as its
/// CSV does (openpyxl writes the workbook from the CSV at test time), and the audit's workbook opens in openpyxl
/// and in LibreOffice (headless, converting the findings sheet to CSV) with the JSON report's rows and values.
@Suite struct SpreadsheetTests {
    let scratch = Scratch()
    static let openpyxl = Oracle.canImport("openpyxl")
    static let libreOffice = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
    let demo = RegioProcess.packageRoot.appendingPathComponent("geodata/demo").path
    let realRegistration = RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path

    /// The demo inputs, the pre-registration given as `registrations`.
    func demoInputs(_ registrations: String) -> [String] {
        ["--schools", "\(demo)/schools.csv", "--students", "\(demo)/students.csv", "--postcodes", "\(demo)/postcodes.csv",
         "--municipalities", "\(demo)/municipalities.geojson", "--registrations", registrations]
    }

    /// The real inputs (../shared/geodata), the pre-registration given as `registrations`.
    func realInputs(_ registrations: String) -> [String]? {
        guard let g = RegioProcess.sharedGeodata?.path else { return nil }
        return ["--schools", "\(g)/duo_vestigingen_vo_2020-12_geocoded.csv",
                "--students", "\(g)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                "--municipalities", "\(g)/gemeenten_2020_wgs84.geojson", "--registrations", registrations]
    }

    /// `Tests/oracle/registration_workbook.py`: the CSV as a workbook.
    func workbook(of csv: String, _ name: String, _ options: [String] = []) throws -> String {
        let path = scratch.path(name)
        _ = try Oracle.output("registration_workbook.py", [csv, path] + options)
        return path
    }

    /// The audit as JSON: the report, and the exit status.
    func auditJSON(_ inputs: [String]) throws -> (report: [String: Any], status: Int32) {
        let out = try RegioProcess.run(["audit", "--format", "json"] + inputs)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any],
                                  "audit failed (\(out.status)): \(out.stderr)")
        return (report, out.status)
    }

    /// The findings and regions of two audits are the same, in the same order.
    func expectSameAudit(_ a: [String: Any], _ b: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for key in ["findings", "regions", "suggestions", "totals"] {
            let left = try JSONSerialization.data(withJSONObject: a[key] as Any, options: [.sortedKeys])
            let right = try JSONSerialization.data(withJSONObject: b[key] as Any, options: [.sortedKeys])
            #expect(left == right, "\(key) differ between the workbook's audit and the CSV's", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: openpyxl, "needs openpyxl in .venv (bash Tests/oracle/setup-venv.sh)"))
    func theDemoWorkbookAuditsAsItsCSV() throws {
        let csv = "\(demo)/registrations.csv"
        // Not the first sheet, the header in capitals, Excel's empty rows in between and at the end.
        let book = try workbook(of: csv, "demo.xlsx", ["--notes-sheet-first", "--upper-header", "--gaps"])
        let fromCSV = try auditJSON(demoInputs(csv))
        let fromWorkbook = try auditJSON(demoInputs(book) + ["--sheet", "Regio's"])
        #expect(fromWorkbook.status == fromCSV.status)
        #expect((fromCSV.report["findings"] as? [Any])?.isEmpty == false)
        try expectSameAudit(fromWorkbook.report, fromCSV.report)
        // Without --sheet the first sheet is read: the notes, which are no pre-registration.
        let first = try RegioProcess.run(["audit"] + demoInputs(book))
        #expect(first.status == 2 && first.stderr.contains("\(book), sheet 'Notes', row 1: no column 'regio_id'"), "\(first.stderr)")
        // A sheet the workbook does not have: the sheets it has are listed.
        let missing = try RegioProcess.run(["audit", "--sheet", "Regios 2019"] + demoInputs(book))
        #expect(missing.status == 2 && missing.stderr.contains("has no sheet 'Regios 2019': its sheets are 'Notes', 'Regio's'"), "\(missing.stderr)")
    }

    @Test(.enabled(if: openpyxl && RegioProcess.sharedGeodata != nil, "needs openpyxl in .venv and ../shared/geodata"))
    func theRealWorkbookAuditsAsItsCSV() throws {
        let book = try workbook(of: realRegistration, "real.xlsx")
        let fromCSV = try auditJSON(try #require(realInputs(realRegistration)))
        let fromWorkbook = try auditJSON(try #require(realInputs(book)))
        #expect((fromCSV.report["findings"] as? [Any])?.count ?? 0 > 100)
        try expectSameAudit(fromWorkbook.report, fromCSV.report)
    }

    @Test(.enabled(if: openpyxl, "needs openpyxl in .venv (bash Tests/oracle/setup-venv.sh)"))
    func theAuditWorkbookOpensInOpenpyxlAndLibreOffice() throws {
        let book = scratch.path("audit.xlsx"), json = scratch.path("audit.json")
        let written = try RegioProcess.run(["audit", "--format", "xlsx", "--output", book])
        #expect(written.status == 1 && written.stdout.isEmpty, "demo audit has errors, exit 1: \(written.stderr)")
        let report = try RegioProcess.run(["audit", "--format", "json", "--output", json])
        #expect(report.status == 1, "\(report.stderr)")
        let check = try Oracle.run("check_workbook.py", [book, json] + (Self.libreOffice ? ["--libreoffice"] : []))
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("ok openpyxl: 17 regions"), "\(check.stdout)")
        if Self.libreOffice {
            #expect(check.stdout.contains("ok libreoffice"), "\(check.stdout)")
        }
        // The same audit gives the same bytes.
        let again = scratch.path("again.xlsx")
        #expect(try RegioProcess.run(["audit", "--format", "xlsx", "--output", again]).status == 1)
        #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: book))
    }

    @Test(.enabled(if: openpyxl && RegioProcess.sharedGeodata != nil, "needs openpyxl in .venv and ../shared/geodata"))
    func theRealAuditWorkbookHasOneRowPerFinding() throws {
        let inputs = try #require(realInputs(realRegistration))
        let book = scratch.path("real-audit.xlsx"), json = scratch.path("real-audit.json")
        _ = try RegioProcess.run(["audit", "--format", "xlsx", "--output", book] + inputs)
        _ = try RegioProcess.run(["audit", "--format", "json", "--output", json] + inputs)
        let check = try Oracle.run("check_workbook.py", [book, json] + (Self.libreOffice ? ["--libreoffice"] : []))
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// `regio inspect` says what it read of the pre-registration: the sheet of a workbook (the first visible one
    /// when `--sheet` is left out), the separator and encoding of a CSV file.
    @Test(.enabled(if: openpyxl, "needs openpyxl in .venv (bash Tests/oracle/setup-venv.sh)"))
    func inspectNamesTheSheetItRead() throws {
        let csv = "\(demo)/registrations.csv"
        let named = try workbook(of: csv, "named.xlsx", ["--notes-sheet-first", "--sheet", "Aanmeldingen"])
        let chosen = try RegioProcess.run(["inspect"] + demoInputs(named) + ["--sheet", "Aanmeldingen"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("sheet 'Aanmeldingen' of the workbook"), "\(chosen.stdout)")
        let first = try workbook(of: csv, "first.xlsx", ["--sheet", "Blad1"])
        let defaulted = try RegioProcess.run(["inspect"] + demoInputs(first))
        #expect(defaulted.stdout.contains("sheet 'Blad1' of the workbook"), "\(defaulted.stdout)")
        let plain = try RegioProcess.run(["inspect"] + demoInputs(csv))
        #expect(plain.stdout.contains("CSV, ';'-separated, UTF-8"), "\(plain.stdout)")
    }

    @Test func aWorkbookIsNeverWrittenToTheTerminal() throws {
        let out = try RegioProcess.run(["audit", "--format", "xlsx"])
        #expect(out.status == 64 && out.stdout.isEmpty && out.stderr.contains("give --output FILE.xlsx"), "\(out.stderr)")
    }

    @Test func sheetIsForAWorkbookOnly() throws {
        let csv = try RegioProcess.run(["audit", "--sheet", "Regio's"] + demoInputs("\(demo)/registrations.csv"))
        #expect(csv.status == 2 && csv.stderr.contains("this is a CSV file"), "\(csv.stderr)")
        let alone = try RegioProcess.run(["audit", "--sheet", "Regio's"])
        #expect(alone.status == 2 && alone.stderr.contains("pass --registrations FILE.xlsx"), "\(alone.stderr)")
    }

    @Test func aWorkbookUnderAnotherOptionIsRefused() throws {
        let book = scratch.path("audit.xlsx")
        #expect(try RegioProcess.run(["audit", "--format", "xlsx", "--output", book]).status == 1)
        let out = try RegioProcess.run(["inspect", "--schools", book, "--municipalities", "\(demo)/municipalities.geojson"])
        #expect(out.status == 2 && out.stderr.contains("\(book): this is an XLSX workbook: regio reads workbooks only as --registrations"), "\(out.stderr)")
        // Read as --registrations, the audit's workbook is no pre-registration: its first sheet lacks the columns.
        let wrong = try RegioProcess.run(["audit"] + demoInputs(book))
        #expect(wrong.status == 2 && wrong.stderr.contains("sheet 'regions', row 1: no column 'regio_id'"), "\(wrong.stderr)")
    }

    @Test func excelsEmptyRowsInACSVAreSkipped() throws {
        let csv = try String(contentsOfFile: "\(demo)/registrations.csv", encoding: .utf8)
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(";;;", at: 10)
        lines.insert(" ; ;;", at: 20)
        let padded = scratch.write("reg_excel.csv", lines.joined(separator: "\n") + ";;;\r\n;;;\r\n")
        let fromCSV = try auditJSON(demoInputs("\(demo)/registrations.csv"))
        let fromPadded = try auditJSON(demoInputs(padded))
        try expectSameAudit(fromPadded.report, fromCSV.report)
        // A row with some cells filled and no regio_id stays an error, naming its line.
        lines.insert(";Techniek Noord;00AB01;deelnemer", at: 5)
        let broken = scratch.write("reg_broken.csv", lines.joined(separator: "\n"))
        let out = try RegioProcess.run(["audit"] + demoInputs(broken))
        #expect(out.status == 2 && out.stderr.contains("reg_broken.csv:6: regio_id is empty"), "\(out.stderr)")
    }
}
