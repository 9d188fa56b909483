/// The registration number of a region (*regio-id*), e.g. `STO19042`: what a pre-registration, a scenario,
/// a finding and every report name a region by.
///
/// A value type over the text as written, so that a region id is never mixed up with a name, a school code
/// or a municipality code. It costs what the `String` it holds costs: equality, hashing and order are the
/// text's. It encodes as a plain JSON string (and as a plain key in a dictionary keyed by region).
///
/// Two ways in, on purpose:
/// - ``init(_:)`` (and a string literal) keeps the text exactly as written. Readers of pre-registration and
///   scenario files use it, so `malformed-region-id` sees an id such as `sto19001` or `STO 19001` as it is.
/// - ``init(typed:)`` is for ids a person types to select a region (a command-line argument, a `--region`
///   filter, a request body): it accepts any letter case; ``typed(_:knownBy:)`` looks such an id up among
///   the regions of a registration.
public struct RegionID: Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable,
    ExpressibleByStringLiteral, CustomStringConvertible, CustomDebugStringConvertible {
    /// The id as written.
    public let rawValue: String

    /// The id exactly as written, spaces and case included.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// An id a person typed to select a region: surrounding spaces are dropped, and an id that is a
    /// registration number in another letter case (`sto19002`, `Sto19002`) becomes the registration number
    /// (`STO19002`). Anything else is kept as typed (trimmed), so it still matches a malformed id of the
    /// pre-registration written the same way.
    public init(typed text: some StringProtocol) {
        let trimmed = text.trimmedSpaces
        let upper = trimmed.uppercased()
        rawValue = RegionID.problem(upper) == nil ? upper : trimmed
    }

    /// The known region that `text`, typed by a person, names: the id exactly as typed (surrounding spaces
    /// dropped), else the id ``init(typed:)`` makes of it; `nil` when `isKnown` holds for neither. Exact text
    /// first, so that a pre-registration's malformed id such as `sto19001` can still be chosen as written.
    public static func typed(_ text: some StringProtocol, knownBy isKnown: (RegionID) -> Bool) -> RegionID? {
        let asWritten = RegionID(text.trimmedSpaces)
        if isKnown(asWritten) { return asWritten }
        let typed = RegionID(typed: text)
        return isKnown(typed) ? typed : nil
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { rawValue }

    /// The id quoted, as a `String` shows in a list: `["STO19001", "STO19002"]`.
    public var debugDescription: String { rawValue.debugDescription }

    public static func < (a: RegionID, b: RegionID) -> Bool { a.rawValue < b.rawValue }

    /// What is wrong with this id as a registration number (`STO` + 5 ASCII digits, compared as written),
    /// or `nil` when it is one.
    public var problem: String? { RegionID.problem(rawValue) }

    /// What is wrong with `id` as a registration number, or `nil` when it is one, in `language` (the
    /// `malformed-region-id` message).
    static func problem(_ id: String, in language: Language = .en) -> String? {
        guard id.hasPrefix("STO") else { return language.pick("it does not start with STO", "het begint niet met STO") }
        let rest = id.dropFirst(3)
        if let other = rest.first(where: { !("0"..."9").contains($0) }) {
            return language.pick("'\(other)' after STO is not a digit", "'\(other)' na STO is geen cijfer")
        }
        return rest.count == 5 ? nil
            : language.pick("it has \(language.count(rest.count, "digit", "digits")) after STO",
                            "het heeft \(language.count(rest.count, "cijfer", "cijfers")) na STO")
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }

    public var codingKey: CodingKey { Key(stringValue: rawValue) }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

extension Sequence<RegionID> {
    /// The ids as written, joined by `separator`: "STO19001, STO19002". A plain loop: every finding joins its
    /// regions twice (``Finding/key``, ``Finding/identity``), mostly one or two, and the generic `joined` over a
    /// lazy map is slower for so few.
    public func joined(separator: String = "") -> String {
        var text = "", first = true
        for id in self {
            if !first { text += separator }
            text += id.rawValue
            first = false
        }
        return text
    }
}
