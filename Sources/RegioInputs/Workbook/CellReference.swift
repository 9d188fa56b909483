/// A cell's place in a worksheet in A1 notation: column letters A–XFD (1–16,384) and row 1–1,048,576, the
/// limits of the XLSX format.
public struct CellReference: Equatable, Sendable, CustomStringConvertible {
    /// 1-based column: A is 1.
    public let column: Int
    /// 1-based row.
    public let row: Int

    public static let maximumColumn = 16_384
    public static let maximumRow = 1_048_576

    /// Parses "B12"; `nil` for anything else, or outside the format's limits.
    public init?(_ text: String) {
        var column = 0, row = 0
        var bytes = text.utf8.makeIterator()
        var byte = bytes.next()
        var letters = 0
        while let b = byte, (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
            column = column * 26 + Int((b & 0xDF) - 64)
            letters += 1
            guard letters <= 3 else { return nil }
            byte = bytes.next()
        }
        var digits = 0
        while let b = byte, b >= 48 && b <= 57 {
            row = row * 10 + Int(b - 48)
            digits += 1
            guard digits <= 7 else { return nil }
            byte = bytes.next()
        }
        guard byte == nil, letters > 0, digits > 0 else { return nil }
        self.init(column: column, row: row)
    }

    public init?(column: Int, row: Int) {
        guard (1...Self.maximumColumn).contains(column), (1...Self.maximumRow).contains(row) else { return nil }
        self.column = column
        self.row = row
    }

    /// "A", "Z", "AA", "XFD" for 1-based `column`.
    public static func letters(_ column: Int) -> String {
        var n = column, out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    /// "B12".
    public var description: String { Self.letters(column) + String(row) }
}
