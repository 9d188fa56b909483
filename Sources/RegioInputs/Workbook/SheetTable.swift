/// A table read from one worksheet of an XLSX workbook: the first non-blank row is the header, the non-blank
/// rows below it the data. Cells are text as ``WorksheetHandler`` reads them; errors name the sheet and the cell
/// ("reg.xlsx, sheet 'Regio's', cell B12: …").
public struct SheetTable: TextTable {
    public let file: String
    /// The sheet's name, as on its tab.
    public let sheet: String
    public let header: [String]
    /// The sheet's row number of each data row.
    public let lines: [Int]
    /// The header's row number.
    public let headerRow: Int
    /// Per data row, its non-blank cells by 0-based column, in column order.
    private let rows: [[(column: Int, text: String)]]

    public var rowCount: Int { rows.count }

    public var origin: String { "sheet '\(sheet)' of the workbook" }

    /// Reads sheet `sheet` (by name; the first visible sheet when `nil`) of the workbook at `path`, reading no
    /// more than `maximumBytes` of the file and inflating no more than that of its parts.
    /// - Throws: ``InputError`` naming the file (and the sheet, the cell) for a file that is no workbook, a sheet it
    ///   does not have (listing those it has), a sheet without a header row, a damaged or hostile part.
    public static func read(_ path: String, sheet: String? = nil,
                            maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> SheetTable {
        try SheetTable(parsing: InputFile.bytes(path, maximumBytes: maximumBytes), file: path, sheet: sheet,
                       maximumBytes: maximumBytes)
    }

    /// Parses the bytes of a workbook file (see ``read(_:sheet:maximumBytes:)``).
    public init(parsing bytes: [UInt8], file: String, sheet wanted: String?, maximumBytes: Int) throws(InputError) {
        let workbook = try Workbook(bytes: bytes, file: file, maximumBytes: maximumBytes)
        let (sheet, part) = try workbook.sheet(named: wanted)
        let name = sheet.name
        let handler = WorksheetHandler(sharedStrings: try workbook.sharedStrings(), file: file, sheet: name)
        try workbook.parse(part, handler: handler)
        guard let first = handler.rows.first else {
            throw InputError(.emptyFile, file: file, place: "sheet '\(name)'", message: "the sheet is empty: expected a header row and rows below it")
        }
        var header = Array(repeating: "", count: first.cells.last?.column ?? 0)
        for cell in first.cells { header[cell.column - 1] = cell.text.trimmingCharacters(in: .whitespaces) }
        self.file = file
        self.sheet = name
        self.header = header
        self.headerRow = first.number
        self.lines = handler.rows.dropFirst().map(\.number)
        self.rows = handler.rows.dropFirst().map { row in row.cells.map { ($0.column - 1, $0.text) } }
    }

    public func field(_ row: Int, _ column: Int) -> String {
        for cell in rows[row] where cell.column >= column {
            return cell.column == column ? cell.text.trimmingCharacters(in: .whitespaces) : ""
        }
        return ""
    }

    public func error(_ kind: InputError.Kind, row: Int, column: Int, message: String) -> InputError {
        let cell = CellReference.letters(column + 1) + String(lines[row])
        return InputError(kind, file: file, place: "sheet '\(sheet)', cell \(cell)", message: message)
    }

    public func headerError(_ kind: InputError.Kind, message: String) -> InputError {
        InputError(kind, file: file, place: "sheet '\(sheet)', row \(headerRow)", message: message)
    }

    public func rowName(_ row: Int) -> String { "row \(lines[row])" }
}
