/// One sheet of a workbook to write: a header row of column titles and rows of cells. Numbers are stored as
/// numbers (a spreadsheet sums and sorts them), shown in the column's ``Column/Format``.
public struct Worksheet: Sendable {
    /// A column: its title (the header cell) and how its numbers are shown.
    public struct Column: Sendable {
        public let title: String
        public let format: Format

        public init(_ title: String, _ format: Format = .general) {
            self.title = title
            self.format = format
        }
    }

    /// How a column's numbers are shown; the value stored is the same.
    public enum Format: Sendable {
        /// As the spreadsheet sees fit (all digits it needs).
        case general
        /// A whole number with thousands separators: 1,234.
        case integer
        /// One decimal with thousands separators: 1,234.5.
        case decimal
        /// A share of 1 as a percentage with one decimal: 0.125 shows as 12.5%.
        case percent
    }

    /// A cell: text, a number, or nothing.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty

        /// A number, or an empty cell for `nil`.
        public static func number(_ value: Double?) -> Cell { value.map(Cell.number) ?? .empty }
        /// A whole number.
        public static func number(_ value: Int) -> Cell { .number(Double(value)) }
    }

    /// The name on the sheet's tab: at most 31 characters, none of `[]:*?/\` (the XLSX rules).
    public let name: String
    public let columns: [Column]
    public let rows: [[Cell]]

    /// - Precondition: `name` follows the XLSX rules for sheet names; every row has one cell per column.
    public init(name: String, columns: [Column], rows: [[Cell]]) {
        precondition(Self.isValidName(name), "sheet name '\(name)' breaks the XLSX rules")
        precondition(rows.allSatisfy { $0.count == columns.count }, "a row of sheet '\(name)' has not one cell per column")
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Whether `name` may name a sheet: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) })
            && !name.hasPrefix("'") && !name.hasSuffix("'")
    }
}
