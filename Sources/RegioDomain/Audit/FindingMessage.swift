/// A finding's message, kept as the data it speaks of (school labels, region ids, distances, counts) and
/// written in a language only when a report asks (``Finding/message(in:)``). Each rule file defines its own
/// message type next to its check, with the English and the Dutch wording side by side.
///
/// Rendering on demand keeps the audit fast: the audit makes thousands of findings (most of them close-by
/// pairs) and a report reads each message once, in one language.
public protocol FindingMessage: Sendable, Hashable {
    /// The message in `language`: numbers, plurals and lists as that language writes them.
    func text(in language: Language) -> String
}

extension FindingMessage {
    /// Whether `other` is the same message (same type, same data).
    func isSame(as other: any FindingMessage) -> Bool { (other as? Self) == self }
}

/// A message known only as text, in one language: read back from a report's JSON, or made by hand in a test.
/// It reads the same in every language.
public struct FixedMessage: FindingMessage {
    public let text: String
    public init(_ text: String) { self.text = text }
    public func text(in language: Language) -> String { text }
}

extension Language {
    /// The key under which an encoder's `userInfo` names the language that findings and suggestions write their
    /// messages in (``Finding/encode(to:)``); English when absent.
    public static let codingKey = CodingUserInfoKey(rawValue: "regio.language")!

    /// The language an encoder was given under ``codingKey``, else English.
    public init(of encoder: Encoder) {
        self = encoder.userInfo[Language.codingKey] as? Language ?? .en
    }
}
