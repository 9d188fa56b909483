/// A delimited text table (CSV): comma or semicolon separated, UTF-8 (with or without BOM) or Latin-1,
/// quoted fields per RFC 4180, fields trimmed of the padding spaces DUO writes.
///
/// Written by hand rather than with a CSV package because the readers need the file's line number for
/// every row (messages name the line), the encoding fallback to Latin-1, delimiter detection with a clear
/// error, and speed: the 3.5 MB DUO pupil file is read in a few milliseconds at the byte level.
public struct CSVTable: Sendable {
    /// The file as the user named it.
    public let file: String
    public let header: [String]
    /// Data rows, each with as many fields as it had in the file (trimmed).
    public let rows: [[String]]
    /// The 1-based line on which each row starts.
    public let lines: [Int]
    /// `;` or `,`.
    public let delimiter: UInt8
    /// The encoding the bytes were read as ("UTF-8", "ISO-8859-1").
    public let encoding: String

    /// Reads `path` and checks it is a table with a header row. `expecting` names the columns the caller
    /// needs, for the error message when the delimiter is wrong.
    public static func read(_ path: String, expecting: [String]) throws(InputError) -> CSVTable {
        try parse(InputFile.bytes(path), file: path, expecting: expecting)
    }

    /// Parses bytes (see ``read(_:expecting:)``).
    public static func parse(_ raw: [UInt8], file: String, expecting: [String]) throws(InputError) -> CSVTable {
        let (bytes, encoding) = try TextDecoding.utf8(raw, file: file)
        let delimiter = try detectDelimiter(bytes, file: file, expecting: expecting)
        var records: [[String]] = []
        var lines: [Int] = []
        var line = 1
        var i = 0
        let n = bytes.count
        var fields: [String] = []
        var recordLine = 1
        while i < n {
            // One field.
            var field: String
            if bytes[i] == UInt8(ascii: "\"") {
                var value: [UInt8] = []
                i += 1
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") { value.append(b); i += 2; continue }
                        i += 1; closed = true; break
                    }
                    if b == 0x0A { line += 1 }
                    value.append(b); i += 1
                }
                guard closed else {
                    throw InputError(.badFormat, file: file, line: recordLine,
                                     message: "a quoted field is never closed: expected a closing '\"'")
                }
                // Text between the closing quote and the delimiter (padding) is skipped.
                while i < n && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                field = String(decoding: value, as: UTF8.self)
            } else {
                let start = i
                while i < n && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                field = String(decoding: bytes[start..<i], as: UTF8.self)
            }
            fields.append(trim(field))
            if i < n && bytes[i] == delimiter { i += 1; if i == n { fields.append("") }; continue }
            // End of record.
            if i < n && bytes[i] == 0x0D { i += 1 }
            if i < n && bytes[i] == 0x0A { i += 1 }
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(fields)
                lines.append(recordLine)
            }
            fields = []
            line += 1
            recordLine = line
        }
        if !fields.isEmpty { records.append(fields); lines.append(recordLine) }
        guard let header = records.first else {
            throw InputError(.emptyFile, file: file, message: "the file holds no header row")
        }
        return CSVTable(file: file, header: header, rows: Array(records.dropFirst()),
                        lines: Array(lines.dropFirst()), delimiter: delimiter, encoding: encoding.rawValue)
    }

    private static func trim(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last else { return s }
        if first != 0x20 && last != 0x20 && first != 0x09 && last != 0x09 { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Picks `;` or `,` from the header line (outside quotes); a tab- or pipe-separated file, or a header
    /// with a single column, is a wrong-delimiter error that names the expected columns.
    private static func detectDelimiter(_ bytes: [UInt8], file: String, expecting: [String]) throws(InputError) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if !inQuotes && (b == 0x0A || b == 0x0D) { break }
            if !inQuotes { counts[b, default: 0] += 1 }
        }
        let semicolons = counts[UInt8(ascii: ";")] ?? 0, commas = counts[UInt8(ascii: ",")] ?? 0
        if semicolons > 0 && semicolons >= commas { return UInt8(ascii: ";") }
        if commas > 0 { return UInt8(ascii: ",") }
        let headerEnd = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
        let headerText = String(decoding: bytes[..<headerEnd], as: UTF8.self)
        let found = (counts[0x09] ?? 0) > 0 ? "tab" : (counts[UInt8(ascii: "|")] ?? 0) > 0 ? "'|'" : nil
        let expected = expecting.isEmpty ? "" : " with columns \(expecting.joined(separator: ", "))"
        if let found {
            throw InputError(.wrongDelimiter, file: file, line: 1,
                             message: "the header is separated by \(found); expected ';' or ','\(expected)")
        }
        if expecting.count > 1 {
            throw InputError(.wrongDelimiter, file: file, line: 1,
                             message: "the header '\(headerText.prefix(60))' has no ';' or ',': expected a separated header\(expected)")
        }
        return UInt8(ascii: ";")
    }

    /// The index of the first column whose name matches one of `names` (case-insensitive, trimmed).
    public func column(_ names: String...) -> Int? { column(names) }

    public func column(_ names: [String]) -> Int? {
        let wanted = names.map { $0.lowercased() }
        for w in wanted {
            if let i = header.firstIndex(where: { $0.lowercased() == w }) { return i }
        }
        return nil
    }

    /// Like ``column(_:)-(String...)`` but throws `.missingColumn`, listing the columns the file has.
    public func requireColumn(_ names: String..., purpose: String) throws(InputError) -> Int {
        if let i = column(names) { return i }
        let alternatives = names.map { "'\($0)'" }.joined(separator: " or ")
        throw InputError(.missingColumn, file: file, line: 1,
                         message: "no column \(alternatives) (\(purpose)); the header has: \(header.prefix(12).joined(separator: ", "))\(header.count > 12 ? ", …" : "")")
    }

    /// Field `column` of row `row`, or "" when the row is short.
    public func field(_ row: Int, _ column: Int) -> String {
        let r = rows[row]
        return column < r.count ? r[column] : ""
    }
}

import Foundation
