import Foundation
import RegioInputs
import ZIPFoundation

/// Writes worksheets as one XLSX workbook (Office Open XML SpreadsheetML, ECMA-376): a ZIP archive, made with
/// ZIPFoundation, of the package parts `[Content_Types].xml`, the relationships, `xl/workbook.xml`, `xl/styles.xml`
/// and one `xl/worksheets/sheetN.xml` per sheet (``WorksheetXML``). Excel, LibreOffice and openpyxl open it.
/// The bytes depend on the sheets only (every entry carries the same fixed date), so the same audit gives the same file.
public enum XLSXWriter {
    /// The workbook of `sheets`, in tab order, as the bytes of an `.xlsx` file.
    /// - Precondition: at least one sheet, and distinct sheet names (ignoring case).
    /// - Throws: ``InputError`` `unwritable` when the archive cannot be made (ZIPFoundation's error).
    public static func bytes(_ sheets: [Worksheet]) throws(InputError) -> [UInt8] {
        precondition(!sheets.isEmpty, "a workbook has at least one sheet")
        precondition(Set(sheets.map { $0.name.lowercased() }).count == sheets.count, "sheet names must differ")
        do {
            let archive = try Archive(accessMode: .create)
            for (name, text) in parts(sheets) {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw InputError(.unwritable, file: "--output", message: "the workbook could not be assembled in memory")
            }
            return [UInt8](data)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.unwritable, file: "--output", message: "the workbook could not be assembled: \(error)")
        }
    }

    /// Every entry's date: 2020-01-01, the programme's first year (ZIP dates start in 1980).
    static let entryDate = Date(timeIntervalSince1970: 1_577_836_800)

    /// The package parts, by name, in the order written.
    static func parts(_ sheets: [Worksheet]) -> [(String, String)] {
        let x = SpreadsheetXML.self
        let sheetNumbers = sheets.indices.map { $0 + 1 }
        let contentTypes = x.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheetNumbers.map { (n: Int) -> String in #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"
        let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let packageRels = x.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(relationshipType)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let workbookRels = x.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheetNumbers.map { (n: Int) -> String in #"<Relationship Id="rId\#(n)" Type="\#(relationshipType)/worksheet" Target="worksheets/sheet\#(n).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(relationshipType)/styles" Target="styles.xml"/></Relationships>"#
        // The autofilter of each sheet is also a hidden defined name, as Excel writes it.
        let filters = sheets.enumerated().map { (i: Int, sheet: Worksheet) -> String in
            let last = CellReference.letters(max(sheet.columns.count, 1)) + "$" + String(sheet.rows.count + 1)
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            return #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">\#(x.escaped(quoted))!$A$1:$\#(last)</definedName>"#
        }.joined()
        let workbook = x.declaration + #"<workbook xmlns="\#(x.mainNamespace)" xmlns:r="\#(x.relationshipsNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
            + sheets.enumerated().map { (i: Int, sheet: Worksheet) -> String in #"<sheet name="\#(x.escaped(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"# }.joined()
            + "</sheets><definedNames>\(filters)</definedNames></workbook>"
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", WorkbookStyles.xml)]
            + sheets.enumerated().map { i, sheet in ("xl/worksheets/sheet\(i + 1).xml", WorksheetXML.render(sheet)) }
    }
}
