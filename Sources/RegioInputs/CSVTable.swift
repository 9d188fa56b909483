/// A delimited text table (CSV): comma or semicolon separated, UTF-8 (with or without BOM) or Latin-1,
/// quoted fields per RFC 4180, fields trimmed of the padding spaces DUO writes.
///
/// Written by hand rather than with a CSV package because the readers need the file's line number for
/// every row (messages name the line), the encoding fallback to Latin-1, delimiter detection with a clear
/// error, and speed: the 3.5 MB DUO pupil file is read in a few milliseconds at the byte level.
public struct CSVTable: TextTable {
    /// The file as the user named it.
    public let file: String
    public let header: [String]
    /// `;` or `,`.
    public let delimiter: UInt8
    /// The encoding the bytes were read as ("UTF-8", "ISO-8859-1").
    public let encoding: String
    /// The text as UTF-8; fields are byte ranges into it and become strings only when asked for, so a
    /// reader pays only for the columns it reads.
    private let bytes: [UInt8]
    /// Per field: start and end byte offsets (end exclusive); a quoted field's range excludes its quotes.
    private let fieldStarts: [Int32]
    private let fieldEnds: [Int32]
    /// Fields that hold doubled quotes ("") to unescape, by field number.
    private let escapedFields: Set<Int>
    /// Per data row: the number of its first field; one extra entry marks the end.
    private let rowFieldOffsets: [Int]
    /// The 1-based line on which each data row starts.
    public let lines: [Int]

    /// The number of data rows.
    public var rowCount: Int { lines.count }

    /// Reads `path` and checks it is a table with a header row. `expecting` names the columns the caller
    /// needs, for the error message when the delimiter is wrong. A file larger than `maximumBytes` is refused.
    public static func read(_ path: String, expecting: [String], maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> CSVTable {
        try CSVTable(parsing: InputFile.bytes(path, maximumBytes: maximumBytes), file: path, expecting: expecting)
    }

    /// Parses bytes (see ``read(_:expecting:)``).
    public init(parsing raw: [UInt8], file: String, expecting: [String]) throws(InputError) {
        let (bytes, encoding) = try TextDecoding.utf8(raw, file: file)
        let delimiter = try Self.detectDelimiter(bytes, file: file, expecting: expecting)
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(bytes.count / 8); ends.reserveCapacity(bytes.count / 8)
        var escaped = Set<Int>()
        var recordOffsets: [Int] = []
        var recordLines: [Int] = []
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let n = bytes.count
        var i = 0, line = 1
        try bytes.withUnsafeBufferPointer { (b) throws(InputError) in
            while i < n {
                // One record.
                let recordStart = starts.count, recordLine = line
                while true {
                    var start = i, end = i
                    if i < n && b[i] == quote {
                        i += 1; start = i
                        var closed = false
                        while i < n {
                            if b[i] == quote {
                                if i + 1 < n && b[i + 1] == quote { escaped.insert(starts.count); i += 2; continue }
                                closed = true; break
                            }
                            if b[i] == lf { line += 1 }
                            i += 1
                        }
                        guard closed else {
                            throw InputError(.badFormat, file: file, line: recordLine,
                                             message: "a quoted field is never closed: expected a closing '\"'")
                        }
                        end = i
                        i += 1
                        // Text between the closing quote and the delimiter (padding) is skipped.
                        while i < n && b[i] != delimiter && b[i] != lf && b[i] != cr { i += 1 }
                    } else {
                        while i < n && b[i] != delimiter && b[i] != lf && b[i] != cr { i += 1 }
                        end = i
                    }
                    starts.append(Int32(start)); ends.append(Int32(end))
                    if i < n && b[i] == delimiter {
                        i += 1
                        if i == n { starts.append(Int32(n)); ends.append(Int32(n)) }
                        else { continue }
                    }
                    break
                }
                if i < n && b[i] == cr { i += 1 }
                if i < n && b[i] == lf { i += 1 }
                line += 1
                // A blank line, or a row of separators only (Excel's `;;;`), is not a record.
                if Self.isBlank(b, starts[recordStart...], ends[recordStart...]) {
                    starts.removeSubrange(recordStart...); ends.removeSubrange(recordStart...)
                    continue
                }
                recordOffsets.append(recordStart)
                recordLines.append(recordLine)
            }
        }
        guard !recordOffsets.isEmpty else {
            throw InputError(.emptyFile, file: file, message: "the file holds no header row")
        }
        recordOffsets.append(starts.count)
        self.file = file
        self.delimiter = delimiter
        self.encoding = encoding.rawValue
        self.bytes = bytes
        self.fieldStarts = starts
        self.fieldEnds = ends
        self.escapedFields = escaped
        self.rowFieldOffsets = Array(recordOffsets.dropFirst())
        self.lines = Array(recordLines.dropFirst())
        let headerFields = recordOffsets[0]..<recordOffsets[1]
        header = headerFields.map { Self.text(bytes, Int(starts[$0]), Int(ends[$0]), escaped: escaped.contains($0)) }
    }

    /// Whether every field of a record (its byte ranges) holds nothing but spaces and tabs.
    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ starts: ArraySlice<Int32>, _ ends: ArraySlice<Int32>) -> Bool {
        for (start, end) in zip(starts, ends) {
            for i in Int(start)..<Int(end) where b[i] != 0x20 && b[i] != 0x09 { return false }
        }
        return true
    }

    /// The trimmed text of bytes[start..<end].
    private static func text(_ bytes: [UInt8], _ start: Int, _ end: Int, escaped: Bool) -> String {
        var s = start, e = end
        while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09) { s += 1 }
        while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09) { e -= 1 }
        let string = String(decoding: bytes[s..<e], as: UTF8.self)
        return escaped ? string.replacingOccurrences(of: "\"\"", with: "\"") : string
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

    /// The number of fields of data row `row`.
    public func fieldCount(_ row: Int) -> Int { rowFieldOffsets[row + 1] - rowFieldOffsets[row] }

    /// Field `column` of data row `row`, trimmed, or "" when the row is short.
    public func field(_ row: Int, _ column: Int) -> String {
        guard column < fieldCount(row) else { return "" }
        let f = rowFieldOffsets[row] + column
        return Self.text(bytes, Int(fieldStarts[f]), Int(fieldEnds[f]), escaped: escapedFields.contains(f))
    }

    public func error(_ kind: InputError.Kind, row: Int, column: Int, message: String) -> InputError {
        InputError(kind, file: file, line: lines[row], message: message)
    }

    public func headerError(_ kind: InputError.Kind, message: String) -> InputError {
        InputError(kind, file: file, line: 1, message: message)
    }

    public func rowName(_ row: Int) -> String { "line \(lines[row])" }

    public var origin: String { "CSV, '\(Character(Unicode.Scalar(delimiter)))'-separated, \(encoding)" }

    /// All fields of data row `row`.
    public func fields(_ row: Int) -> [String] { (0..<fieldCount(row)).map { field(row, $0) } }

    /// Field `column` of row `row` as a non-negative whole number without making a string: `nil` when it is
    /// not one, 0 when it is empty or blank.
    public func wholeNumber(_ row: Int, _ column: Int) -> Int? {
        guard column < fieldCount(row) else { return 0 }
        let f = rowFieldOffsets[row] + column
        var value = 0
        var seenDigit = false, seenTrailingSpace = false
        for i in Int(fieldStarts[f])..<Int(fieldEnds[f]) {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                if seenTrailingSpace { return nil }
                value = value &* 10 &+ Int(c - 48); seenDigit = true
                if value > 1_000_000_000 { return nil }
            } else if c == 0x20 || c == 0x09 {
                if seenDigit { seenTrailingSpace = true }
            } else { return nil }
        }
        return value
    }

}

import Foundation
