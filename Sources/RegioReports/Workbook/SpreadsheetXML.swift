/// Text made safe for the XML of a workbook part: the five markup characters escaped, and characters XML 1.0 cannot
/// hold (control characters other than tab, line feed and carriage return) left out.
enum SpreadsheetXML {
    /// `text` as XML character data or an attribute value (double-quoted).
    static func escaped(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        // XML 1.0's Char production: tab, line feed, carriage return, and no other C0 control, no U+FFFE/U+FFFF.
        for scalar in text.unicodeScalars where scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF
            : scalar == "\t" || scalar == "\n" || scalar == "\r" {
            kept.append(scalar)
        }
        return String(kept).htmlEscaped
    }

    /// The XML declaration every part starts with.
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    /// SpreadsheetML's main namespace.
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// The namespace of relationships (`r:id`).
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
