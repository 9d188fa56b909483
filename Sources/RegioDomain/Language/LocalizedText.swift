/// A statement written in every language the reports speak, made where its facts are known: the method
/// sentences that close each report (how territories and catchment areas were made). JSON holds it as the text
/// in the encoder's language (``Language/codingKey``), as it holds a finding's message; text read back from JSON
/// reads the same in every language.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let en: String
    public let nl: String

    public init(en: String, nl: String) {
        self.en = en
        self.nl = nl
    }

    /// Text known in one language only (read back from a report).
    public init(_ text: String) { self.init(en: text, nl: text) }

    public func text(in language: Language) -> String { language.pick(en, nl) }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text(in: Language(of: encoder)))
    }
}
