/// A table of text fields under a header row, as the tabular readers need it, whether it came from a CSV file
/// (``CSVTable``) or a worksheet of an XLSX workbook (``SheetTable``): column lookup by header name
/// (case-insensitive), fields as trimmed text, and errors that name where a field is (a CSV line, a sheet's cell).
public protocol TextTable: Sendable {
    /// The file as the user named it.
    var file: String { get }
    /// The header row's names, as written.
    var header: [String] { get }
    /// The number of data rows (blank rows are not rows).
    var rowCount: Int { get }
    /// The 1-based number of each data row in the file: its line in a CSV file, its row number in a sheet.
    var lines: [Int] { get }
    /// Field `column` of data row `row`, trimmed, or "" when the row has no such field.
    func field(_ row: Int, _ column: Int) -> String
    /// An error at field `column` of data row `row` ("reg.csv:12: …", "reg.xlsx, sheet 'Regio's', cell B12: …").
    func error(_ kind: InputError.Kind, row: Int, column: Int, message: String) -> InputError
    /// An error about the header row.
    func headerError(_ kind: InputError.Kind, message: String) -> InputError
    /// Data row `row` in words, for messages that point at another row: "line 12", "row 12".
    func rowName(_ row: Int) -> String
    /// What was read, for `regio inspect`: "CSV, ';'-separated, UTF-8", "sheet 'Aanmeldingen' of the workbook".
    var origin: String { get }
}

extension TextTable {
    /// The indices of the data rows.
    public var rowIndices: Range<Int> { 0..<rowCount }

    /// The index of the first column whose name matches one of `names` (case-insensitive, trimmed).
    public func column(_ names: String...) -> Int? { column(names) }

    public func column(_ names: [String]) -> Int? {
        let normalized = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for wanted in names.map({ $0.lowercased() }) {
            if let i = normalized.firstIndex(of: wanted) { return i }
        }
        return nil
    }

    /// Like ``column(_:)-(String...)`` but throws `.missingColumn`, listing the columns the file has.
    public func requireColumn(_ names: String..., purpose: String) throws(InputError) -> Int {
        if let i = column(names) { return i }
        let alternatives = names.map { "'\($0)'" }.joined(separator: " or ")
        throw headerError(.missingColumn, message: "no column \(alternatives) (\(purpose)); the header has: \(header.prefix(12).joined(separator: ", "))\(header.count > 12 ? ", …" : "")")
    }
}

import Foundation
