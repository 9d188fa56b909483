/// The 6-character code of a school location (*vestiging*): the 4-character institution code
/// (2 digits + 2 letters, e.g. `00AB`) followed by a 2-digit location number (`00AB01`).
public struct SchoolCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    /// The six ASCII bytes packed big-endian: equality, hashing and ordering use it, because schools key
    /// most dictionaries of the audit and hashing a `String` costs far more than hashing one integer.
    /// Big-endian packing keeps the order of the text.
    private let packed: UInt64

    /// Parses a code, ignoring surrounding spaces and letter case; `nil` when malformed.
    public init?(_ text: some StringProtocol) {
        // Fast path: already a well-formed code (the common case in every file).
        if text.utf8.count == 6, SchoolCode.isWellFormed(String(text)) {
            rawValue = String(text)
        } else {
            let trimmed = text.trimmedSpaces.uppercased()
            guard SchoolCode.isWellFormed(trimmed) else { return nil }
            rawValue = trimmed
        }
        packed = rawValue.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Whether `code` has the shape `99AA99`.
    public static func isWellFormed(_ code: String) -> Bool {
        let u = Array(code.utf8)
        guard u.count == 6 else { return false }
        func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func letter(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        return digit(u[0]) && digit(u[1]) && letter(u[2]) && letter(u[3]) && digit(u[4]) && digit(u[5])
    }

    /// The 4-character institution (*instelling*) code.
    public var institution: String { String(rawValue.prefix(4)) }

    public var description: String { rawValue }

    public static func < (a: SchoolCode, b: SchoolCode) -> Bool { a.packed < b.packed }

    public static func == (a: SchoolCode, b: SchoolCode) -> Bool { a.packed == b.packed }

    public func hash(into hasher: inout Hasher) { hasher.combine(packed) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = SchoolCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a school code like 00AB01: \(SchoolCode.diagnosis(text, withShape: false) ?? "")"))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

import Foundation
