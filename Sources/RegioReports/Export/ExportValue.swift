
/// One property value of an exported feature. The same values go to GeoJSON (`null`, numbers, strings,
/// booleans) and to GeoPackage columns (NULL, INTEGER, REAL, TEXT, BOOLEAN stored as 0/1).
public enum ExportValue: Sendable, Hashable {
    /// A string (TEXT).
    case text(String)
    /// A whole number: a count of students, schools or findings (INTEGER).
    case integer(Int)
    /// A real number; a non-finite value is written as null.
    case real(Double)
    /// true or false (BOOLEAN, 1 or 0 in the GeoPackage).
    case boolean(Bool)
    /// No value (JSON null, SQL NULL).
    case null

    /// `.real(value)`, or `.null` for `nil`.
    public static func real(_ value: Double?) -> ExportValue { value.map { .real($0) } ?? .null }

    /// `.text(value)`, or `.null` for `nil`.
    public static func text(_ value: String?) -> ExportValue { value.map { .text($0) } ?? .null }

    /// Codes or ids joined with commas ("STO19001,STO19002"), the empty string for none.
    public static func list(_ items: [String]) -> ExportValue { .text(items.joined(separator: ",")) }
}
