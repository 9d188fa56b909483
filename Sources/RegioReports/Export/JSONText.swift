import Foundation

/// Appending JSON text to a byte buffer, without Foundation's encoder (the export writes a few hundred
/// thousand numbers; formatting them by hand is many times faster than `String(format:)`).
public enum JSONText {
    /// Appends `value` rounded to `decimals` digits after the point, trailing zeros dropped ("5.12", "52",
    /// "-0.5"). Non-finite values are written as `null`.
    static func appendFixed(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(contentsOf: "null".utf8); return }
        let scale = pow10[decimals]
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 9e15 else { appendReal(value, to: &out); return }
        var units = Int64(scaled)
        if units == 0 { out.append(UInt8(ascii: "0")); return }
        if units < 0 { out.append(UInt8(ascii: "-")); units = -units }
        appendDigits(UInt64(units / scale), to: &out)
        var fraction = units % scale
        guard fraction != 0 else { return }
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        out.append(UInt8(ascii: "."))
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var i = width - 1
        while fraction > 0 { digits[i] = UInt8(ascii: "0") + UInt8(fraction % 10); fraction /= 10; i -= 1 }
        out.append(contentsOf: digits)
    }

    /// Appends a real number in its shortest round-trip form, always with a point or an exponent ("0.125",
    /// "3000.0", "1e-05") so that readers keep the column real; `null` when not finite.
    package static func appendReal(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(contentsOf: "null".utf8); return }
        out.append(contentsOf: value.description.utf8)
    }

    package static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude.toUInt64, to: &out)
    }

    static func appendDigits(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 { out.append(UInt8(ascii: "0") + UInt8(value)); return }
        var digits: [UInt8] = []
        var v = value
        while v > 0 { digits.append(UInt8(ascii: "0") + UInt8(v % 10)); v /= 10 }
        out.append(contentsOf: digits.reversed())
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, other
    /// characters as UTF-8. With `embeddable`, the string is also safe inside an HTML `<script>` element
    /// (see ``appendEscapedForScript(_:after:to:)``).
    package static func appendString(_ text: String, to out: inout [UInt8], embeddable: Bool = false) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape: they are copied whole, which is several times faster.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && !(embeddable && byte == UInt8(ascii: "<"))
        }
        if plain {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if !(embeddable && appendEscapedForScript(byte, after: previous, to: &out)) {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
            previous = byte
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A whole JSON text (from any encoder) made safe inside an HTML `<script>` element by the rule of
    /// ``appendString(_:to:embeddable:)``: JSON has "<" only inside strings, where the escapes mean the same.
    public static func embeddable(_ json: Data) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.count)
        var previous: UInt8 = 0
        for byte in json {
            if !appendEscapedForScript(byte, after: previous, to: &out) { out.append(byte) }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The one escaping rule for JSON inside `<script>`, where only "</" (which may close the element) and
    /// "<!" (which may open a comment) are dangerous: after a "<", "/" is written "\/" and "!" turns the
    /// "<" already written into "\u003c". Returns whether it wrote `byte`; otherwise the caller writes it.
    private static func appendEscapedForScript(_ byte: UInt8, after previous: UInt8, to out: inout [UInt8]) -> Bool {
        guard previous == UInt8(ascii: "<") else { return false }
        switch byte {
        case UInt8(ascii: "/"):
            out.append(contentsOf: #"\/"#.utf8)
        case UInt8(ascii: "!"):
            out.removeLast()
            out.append(contentsOf: #"\u003c!"#.utf8)
        default:
            return false
        }
        return true
    }

    /// Appends a property value.
    static func append(_ value: ExportValue, to out: inout [UInt8]) {
        switch value {
        case .text(let s): appendString(s, to: &out)
        case .integer(let i): appendInteger(i, to: &out)
        case .real(let d): appendReal(d, to: &out)
        case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    private static let pow10: [Int64] = (0...15).map { n in (0..<n).reduce(Int64(1)) { acc, _ in acc * 10 } }
}

private extension UInt {
    var toUInt64: UInt64 { UInt64(self) }
}
