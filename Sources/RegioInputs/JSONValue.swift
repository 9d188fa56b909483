import Foundation

/// A parsed JSON document (RFC 8259), as the GeoJSON reader needs it: fast on the millions of numbers of a
/// polygon layer, and precise about where a malformed document goes wrong.
///
/// Foundation's `JSONSerialization` and `JSONDecoder` both take about 0.45 s for the 8 MB postcode-area layer
/// (measured with `swiftc -O`), mostly turning each coordinate into an `NSNumber`; this parser keeps an array
/// of numbers as one `[Double]` and reads the whole layer in a fraction of that.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A non-empty array whose elements are all numbers (a coordinate position).
    case numbers([Double])
    /// Any other array (possibly empty).
    case array([JSONValue])
    case object(JSONObject)

    /// "a string", "an array", "an object", "a number", "a boolean", "null".
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .numbers, .array: return "an array"
        case .object: return "an object"
        }
    }

    var isNull: Bool { if case .null = self { return true } else { return false } }

    var string: String? { if case .string(let s) = self { return s } else { return nil } }

    var number: Double? { if case .number(let d) = self { return d } else { return nil } }

    var object: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    /// The elements of an array of either representation; `nil` for other kinds.
    var elements: [JSONValue]? {
        switch self {
        case .array(let items): return items
        case .numbers(let numbers): return numbers.map(JSONValue.number)
        default: return nil
        }
    }

    /// The value in JSON-like notation, shortened to about 80 characters (for messages).
    var description: String {
        let text = render(depth: 0)
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    private func render(depth: Int) -> String {
        func list(_ items: [String], total: Int) -> String {
            "[" + items.joined(separator: ", ") + (total > 4 ? ", ..." : "") + "]"
        }
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return Self.format(d)
        case .string(let s): return "\"\(s)\""
        case .numbers(let numbers):
            return depth < 3 ? list(numbers.prefix(4).map(Self.format), total: numbers.count) : "[...]"
        case .array(let items):
            return depth < 3 ? list(items.prefix(4).map { $0.render(depth: depth + 1) }, total: items.count) : "[...]"
        case .object(let object):
            guard depth < 3 else { return "{...}" }
            let members = zip(object.keys, object.values).sorted { $0.0 < $1.0 }
            let shown = members.prefix(4).map { "\"\($0.0)\": \($0.1.render(depth: depth + 1))" }
            return "{" + shown.joined(separator: ", ") + (members.count > 4 ? ", ..." : "") + "}"
        }
    }

    /// 3 for 3.0, else the shortest form that reads back.
    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

/// A JSON object's members in document order; a key given twice keeps its last value.
struct JSONObject {
    var keys: [String] = []
    var values: [JSONValue] = []

    subscript(key: String) -> JSONValue? {
        guard let i = keys.lastIndex(of: key) else { return nil }
        return values[i]
    }
}

/// Why a document is not JSON, and where (a byte offset).
struct JSONParseError: Error {
    let message: String
    let offset: Int

    /// The message with the line and column of the offset and the text around it.
    func described(in bytes: [UInt8]) -> String {
        let offset = Swift.min(self.offset, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        let from = Swift.max(lineStart, offset - 20), to = Swift.min(lineEnd, offset + 20)
        let near = String(decoding: bytes[from..<to], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return "\(message) (line \(line), column \(offset - lineStart + 1), near '\(near)')"
    }
}

/// The parser: one pass over the bytes, recursive descent, at most ``maximumDepth`` levels deep.
struct JSONParser {
    static let maximumDepth = 512

    /// Parses `bytes` as one JSON value (white space around it allowed).
    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            do throws(JSONParseError) {
                let value = try parser.value(depth: 0)
                parser.skipWhitespace()
                guard parser.i == buffer.count else { throw parser.error("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: i) }

    private var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard let byte = current else { throw error("unexpected end of the document, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try objectValue(depth: depth + 1)
        case UInt8(ascii: "["): return try arrayValue(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw error("unexpected character '\(Unicode.Scalar(byte))', expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) else {
            throw error("invalid literal, expected \(word)")
        }
        i += count
    }

    private mutating func objectValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep") }
        i += 1  // {
        var object = JSONObject()
        skipWhitespace()
        if current == UInt8(ascii: "}") { i += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key)\"") }
            i += 1
            let member = try value(depth: depth)
            object.keys.append(key)
            object.values.append(member)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(object)
            case nil: throw error("unexpected end of the document in an object")
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func arrayValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep") }
        i += 1  // [
        skipWhitespace()
        if current == UInt8(ascii: "]") { i += 1; return .array([]) }
        // Arrays of numbers only (positions) stay [Double]; the first non-number switches to [JSONValue].
        var numbers: [Double] = []
        while true {
            skipWhitespace()
            guard let byte = current else { throw error("unexpected end of the document in an array") }
            guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { break }
            numbers.append(try number())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .numbers(numbers)
            case nil: throw error("unexpected end of the document in an array")
            default: throw error("expected ',' or ']' in an array")
            }
        }
        var items = numbers.map(JSONValue.number)
        while true {
            items.append(try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(items)
            case nil: throw error("unexpected end of the document in an array")
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func string() throws(JSONParseError) -> String {
        i += 1  // opening quote
        let start = i
        // Fast path: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
            guard bytes[i] >= 0x20 else { throw error("control character in a string") }
            i += 1
        }
        guard i < bytes.count else { throw error("unterminated string") }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var utf8 = Array(bytes[start..<i])
        while true {
            guard i < bytes.count else { throw error("unterminated string") }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { i += 1; return String(decoding: utf8, as: UTF8.self) }
            guard byte >= 0x20 else { throw error("control character in a string") }
            guard byte == UInt8(ascii: "\\") else { utf8.append(byte); i += 1; continue }
            i += 1
            guard let escape = current else { throw error("unterminated string") }
            i += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), current == UInt8(ascii: "\\"), i + 1 < bytes.count,
                   bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                utf8.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                i -= 2
                throw error("invalid escape '\\\(Unicode.Scalar(escape))' in a string")
            }
        }
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hexadecimal digit in a \\u escape")
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    /// Exact powers of ten: every one up to 10^22 is a Double.
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }

    /// A number per the JSON grammar. Up to 15 significant digits with a decimal exponent within ±22 is
    /// computed exactly (one correctly rounded multiplication or division of exact values); anything
    /// longer goes through the standard library's correctly rounded parser.
    private mutating func number() throws(JSONParseError) -> Double {
        let start = i
        var negative = false
        if current == UInt8(ascii: "-") { negative = true; i += 1 }
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        guard isDigit(current) else { throw error("invalid number, expected a digit") }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        if current == UInt8(ascii: "0") {
            i += 1
            guard !isDigit(current) else { throw error("invalid number: leading zero") }
        } else {
            while let b = current, isDigit(b) {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(b - UInt8(ascii: "0")); digits += 1 } else { exponent += 1 }
                i += 1
            }
        }
        if current == UInt8(ascii: ".") {
            i += 1
            guard isDigit(current) else { throw error("invalid number: expected a digit after the decimal point") }
            while let b = current, isDigit(b) {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(b - UInt8(ascii: "0"))
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                }
                i += 1
            }
        }
        if let b = current, b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            i += 1
            var sign = 1
            if current == UInt8(ascii: "+") { i += 1 } else if current == UInt8(ascii: "-") { sign = -1; i += 1 }
            guard isDigit(current) else { throw error("invalid number: expected a digit in the exponent") }
            var e = 0
            while let b = current, isDigit(b) {
                if e < 100_000 { e = e * 10 + Int(b - UInt8(ascii: "0")) }
                i += 1
            }
            exponent += sign * e
        }
        if digits <= 15, abs(exponent) <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * Self.powersOfTen[exponent] : m / Self.powersOfTen[-exponent]
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let value = Double(text) else { throw JSONParseError(message: "invalid number \(text)", offset: start) }
        return value
    }
}
