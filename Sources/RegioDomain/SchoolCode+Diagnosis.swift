/// Why a text is not a school code, in words that point at the character to fix.
extension SchoolCode {
    /// The shape every code has, for messages.
    public static let shape = shape(in: .en)

    /// ``shape`` in `language`.
    public static func shape(in language: Language) -> String {
        language.pick("2 digits, 2 letters, 2 digits, like 00AB01", "2 cijfers, 2 letters, 2 cijfers, zoals 00AB01")
    }

    /// Why `text` is not a school code, or `nil` when it is one. Surrounding spaces and letter case are
    /// ignored, as ``init(_:)`` ignores them. Examples:
    /// "it has 5 characters, expected 6 (2 digits, 2 letters, 2 digits, like 00AB01)";
    /// "character 6 is the letter 'O' where a digit is expected (… like 00AB01): the digit 0?".
    /// Without `withShape` the parenthesis with ``shape`` is left out (for a message that states it already).
    /// In `language` (an audit finding's message); input errors stay English.
    public static func diagnosis(_ text: some StringProtocol, withShape: Bool = true, in language: Language = .en) -> String? {
        let characters = Array(text.trimmedSpaces.uppercased())
        let shape = withShape ? " (\(Self.shape(in: language)))" : ""
        let nl = language == .nl
        guard !characters.isEmpty else { return nl ? "het is leeg, verwacht 6 tekens\(shape)" : "it is empty, expected 6 characters\(shape)" }
        guard characters.count == 6 else {
            return nl ? "het heeft \(language.count(characters.count, "teken", "tekens")), verwacht 6\(shape)"
                : "it has \(language.count(characters.count, "character", "characters")), expected 6\(shape)"
        }
        for (i, c) in characters.enumerated() {
            let wantsDigit = i < 2 || i >= 4
            let isDigit = c.isASCII && c.isNumber, isLetter = c.isASCII && c.isLetter
            if wantsDigit == isDigit && !wantsDigit == isLetter { continue }
            let hint = lookalike(c, wantsDigit: wantsDigit, in: language)
            if nl {
                return "teken \(i + 1) is \(describe(c, in: language)) waar een \(wantsDigit ? "cijfer" : "letter") verwacht wordt\(shape)\(hint)"
            }
            return "character \(i + 1) is \(describe(c, in: language)) where \(wantsDigit ? "a digit" : "a letter") is expected\(shape)\(hint)"
        }
        return nil
    }

    /// "the letter 'O'", "the digit '0'", "a space", "'-'" (nl: "de letter 'O'", "het cijfer '0'", "een spatie").
    static func describe(_ c: Character, in language: Language = .en) -> String {
        if c == " " || c == "\t" { return language.pick("a space", "een spatie") }
        if c.isASCII && c.isLetter { return language.pick("the letter '\(c)'", "de letter '\(c)'") }
        if c.isASCII && c.isNumber { return language.pick("the digit '\(c)'", "het cijfer '\(c)'") }
        return "'\(c)'"
    }

    /// A hint for the characters people mistype for one another: O and 0, I and 1, S and 5, B and 8.
    static func lookalike(_ c: Character, wantsDigit: Bool, in language: Language = .en) -> String {
        let letterForDigit: [Character: Character] = ["O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"]
        let digitForLetter: [Character: Character] = ["0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"]
        if wantsDigit, let digit = letterForDigit[c] { return language.pick(": the digit \(digit)?", ": het cijfer \(digit)?") }
        if !wantsDigit, let letter = digitForLetter[c] { return language.pick(": the letter \(letter)?", ": de letter \(letter)?") }
        return ""
    }
}
