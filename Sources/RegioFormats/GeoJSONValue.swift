import Foundation

/// Helpers for the values Foundation's JSONSerialization returns (`[String: Any]`, `[Any]`, `String`,
/// `NSNumber`, `NSNull`): reading numbers, naming kinds and quoting values in messages.
enum GeoJSONValue {
    /// The class JSONSerialization uses for `true` and `false` (an NSNumber subclass).
    private static let booleanClass: AnyClass = type(of: NSNumber(value: true))

    static func isBoolean(_ number: NSNumber) -> Bool {
        ObjectIdentifier(type(of: number)) == ObjectIdentifier(booleanClass)
    }

    /// The value as a Double when it is a JSON number (not a boolean, not a numeric string).
    @inline(__always)
    static func number(_ value: Any) -> Double? {
        if let number = value as? NSNumber { return isBoolean(number) ? nil : number.doubleValue }
        return value as? Double
    }

    /// Whether `value` is JSON null. Containers are ruled out first: `is NSNull` on a Swift array or
    /// dictionary bridges the whole container to Objective-C types.
    static func isNull(_ value: Any) -> Bool {
        if value is [Any] || value is [String: Any] || value is String { return false }
        return value is NSNull
    }

    /// "a string", "an array", "an object", "a number", "a boolean", "null".
    static func kind(of value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case let number as NSNumber: return isBoolean(number) ? "a boolean" : "a number"
        case is NSNull: return "null"
        default: return "a \(type(of: value))"
        }
    }

    /// The value in JSON-like notation, shortened to about 80 characters.
    static func describe(_ value: Any) -> String {
        let text = render(value, depth: 0)
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    private static func render(_ value: Any, depth: Int) -> String {
        switch value {
        case let string as String: return "\"\(string)\""
        case let array as [Any]:
            guard depth < 3 else { return "[...]" }
            let shown = array.prefix(4).map { render($0, depth: depth + 1) }
            return "[" + shown.joined(separator: ", ") + (array.count > 4 ? ", ..." : "") + "]"
        case let object as [String: Any]:
            guard depth < 3 else { return "{...}" }
            let shown = object.sorted { $0.key < $1.key }.prefix(4).map { "\"\($0.key)\": \(render($0.value, depth: depth + 1))" }
            return "{" + shown.joined(separator: ", ") + (object.count > 4 ? ", ..." : "") + "}"
        case let number as NSNumber: return isBoolean(number) ? (number.boolValue ? "true" : "false") : "\(number)"
        case is NSNull: return "null"
        default: return "\(value)"
        }
    }

    /// A property value as a ``FeatureValue``.
    static func featureValue(_ value: Any) -> FeatureValue {
        switch value {
        case let string as String: return .text(string)
        case is [Any], is [String: Any]: return .other(describe(value))
        case is NSNull: return .null
        case let number as NSNumber:
            if isBoolean(number) { return .other(number.boolValue ? "true" : "false") }
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return .integer(Int64(double)) }
            return .real(double)
        default: return .other(describe(value))
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// JSONSerialization's message with the line and column of "around character N" and the text there.
    static func describeParseError(_ error: Error, in bytes: [UInt8]) -> String {
        let nsError = error as NSError
        let message = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        guard let range = message.range(of: "character "),
              let offset = Int(message[range.upperBound...].prefix { $0.isNumber }), offset <= bytes.count else {
            return message.hasSuffix(".") ? String(message.dropLast()) : message
        }
        var line = 1, lineStart = 0
        for (i, byte) in bytes[..<offset].enumerated() where byte == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = offset - lineStart + 1
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        let from = max(lineStart, offset - 20), to = min(lineEnd, offset + 20)
        let near = String(decoding: bytes[from..<to], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
        return "\(trimmed) (line \(line), column \(column), near '\(near)')"
    }
}
