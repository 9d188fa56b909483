import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One non-blank row of a worksheet: its row number and its cells that hold text, by 1-based column, in
/// column order.
struct WorksheetRow {
    let number: Int
    let cells: [(column: Int, text: String)]
}

/// The cells of a worksheet part (`<sheetData><row r="12"><c r="B12" t="s"><v>3</v></c>…`), as text:
///
/// - `s` (shared string): the string at the index; `inlineStr`: the text of `<is>`; `str` (a formula's text
///   result) and `d` (an ISO date): the value as written; `b`: TRUE or FALSE; `e`: the error text (`#REF!`).
/// - a number (no type, or `n`): a whole number as its digits (19001, never "19001.0" or "1.9001E4"), so a school
///   code, BRIN or region id stored as a number reads as the text it was; another number as written.
/// - rows and cells without a reference follow the one before; rows whose cells are all blank are left out.
final class WorksheetHandler: XMLPartHandler {
    private let sharedStrings: [String]
    private let file: String
    /// The sheet's name, for messages.
    private let sheet: String
    private(set) var rows: [WorksheetRow] = []

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [(column: Int, text: String)] = []
    private var column = 0
    private var cellType: String?
    private var value: String?
    private var collecting = false
    private var phoneticDepth = 0

    init(sharedStrings: [String], file: String, sheet: String) {
        self.sharedStrings = sharedStrings
        self.file = file
        self.sheet = sheet
    }

    /// Stops with an error at the cell ("sheet 'Regio's', cell B12") or, without one, the row.
    private func error(_ parser: XMLParser, _ reference: CellReference?, _ message: String) {
        let at = reference.map { "cell \($0)" } ?? "row \(rowNumber)"
        fail(parser, InputError(.badFormat, file: file, place: "sheet '\(sheet)', \(at)", message: message))
    }

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        switch name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData:
            let number = Self.attribute(attributes, "r").map { Int($0) ?? -1 } ?? rowNumber + 1
            guard number > rowNumber, number <= CellReference.maximumRow else {
                return error(parser, nil, "row number '\(Self.attribute(attributes, "r") ?? "")' after row \(rowNumber) is not a row of a sheet (rows count up from 1 to \(CellReference.maximumRow))")
            }
            rowNumber = number
            cells = []
            column = 0
        case "c" where inSheetData:
            if let reference = Self.attribute(attributes, "r") {
                guard let cell = CellReference(reference), cell.row == rowNumber, cell.column > column else {
                    return error(parser, nil, "cell reference '\(reference)' is not a cell of row \(rowNumber) right of the cells before it (columns A to XFD)")
                }
                column = cell.column
            } else {
                column += 1
                guard column <= CellReference.maximumColumn else {
                    return error(parser, nil, "more than \(CellReference.maximumColumn) cells in one row")
                }
            }
            cellType = Self.attribute(attributes, "t")
            value = nil
        case "v" where inSheetData:
            value = ""
            collecting = true
        case "is" where inSheetData:
            value = ""
        case "rPh":
            phoneticDepth += 1
        case "t" where inSheetData && value != nil:
            collecting = phoneticDepth == 0
        default: break
        }
    }

    override func text(_ string: String) {
        if collecting { value? += string }
    }

    override func end(_ name: Substring, parser: XMLParser) {
        switch name {
        case "sheetData": inSheetData = false
        case "v", "t": collecting = false
        case "rPh": phoneticDepth -= 1
        case "c" where inSheetData:
            guard let text = cellText(parser) else { return }
            if !text.allSatisfy(\.isWhitespace) { cells.append((column, text)) }
        case "row" where inSheetData:
            if !cells.isEmpty { rows.append(WorksheetRow(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// The text of the cell that just ended, or `nil` after an error.
    private func cellText(_ parser: XMLParser) -> String? {
        guard let value else { return "" }
        let reference = CellReference(column: column, row: rowNumber)
        switch cellType ?? "n" {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                error(parser, reference, "shared string '\(value.prefix(20))' does not exist (the workbook has \(sharedStrings.count)): the file is damaged")
                return nil
            }
            return sharedStrings[index]
        case "inlineStr", "str", "d", "e": return value
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "n": return Self.numberText(value)
        default:
            error(parser, reference, "cell type '\(cellType ?? "")' is not one of XLSX's (s, inlineStr, str, n, b, d, e)")
            return nil
        }
    }

    /// A number cell's value as text: a whole number as its digits, anything else as written.
    static func numberText(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let number = Double(trimmed), number.isFinite, number == number.rounded(), abs(number) < 1e15 else {
            return trimmed
        }
        return String(Int64(number))
    }
}
