import RegioDomain

/// How every report describes a suggestion (`audit`, `suggest`, portraits, `compare`): its headline, its
/// score and its reason, in one place and one form.
public enum SuggestionText {
    /// "merge STO19012 (…) into STO19007 (…): merging resolves …; score 0.80: …" as one line of plain text
    /// (the reason ends with the score and its terms).
    public static func line(_ s: Suggestion, in language: Language) -> String {
        "\(s.headline(in: language)): \(s.reason(in: language))"
    }

    /// The same line in Markdown, the headline in bold.
    public static func markdown(_ s: Suggestion, in language: Language) -> String {
        "**\(s.headline(in: language))**: \(s.reason(in: language))"
    }

    /// The same in HTML, escaped, the headline in `<strong>`.
    public static func html(_ s: Suggestion, in language: Language) -> String {
        "<strong>\(s.headline(in: language).htmlEscaped)</strong>: \(s.reason(in: language).htmlEscaped)"
    }
}
