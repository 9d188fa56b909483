/// Why a text is not a school code, in words that point at the character to fix.
extension SchoolCode {
    /// The shape every code has, for messages.
    public static let shape = "2 digits, 2 letters, 2 digits, like 00AB01"

    /// Why `text` is not a school code, or `nil` when it is one. Surrounding spaces and letter case are
    /// ignored, as ``init(_:)`` ignores them. Examples:
    /// "it has 5 characters, expected 6 (2 digits, 2 letters, 2 digits, like 00AB01)";
    /// "character 6 is the letter 'O' where a digit is expected (… like 00AB01): the digit 0?".
    /// Without `withShape` the parenthesis with ``shape`` is left out (for a message that states it already).
    public static func diagnosis(_ text: some StringProtocol, withShape: Bool = true) -> String? {
        let characters = Array(text.trimmedSpaces.uppercased())
        let shape = withShape ? " (\(Self.shape))" : ""
        guard !characters.isEmpty else { return "it is empty, expected 6 characters\(shape)" }
        guard characters.count == 6 else {
            return "it has \(characters.count) character\(characters.count == 1 ? "" : "s"), expected 6\(shape)"
        }
        for (i, c) in characters.enumerated() {
            let wantsDigit = i < 2 || i >= 4
            let isDigit = c.isASCII && c.isNumber, isLetter = c.isASCII && c.isLetter
            if wantsDigit == isDigit && !wantsDigit == isLetter { continue }
            let expected = wantsDigit ? "a digit" : "a letter"
            return "character \(i + 1) is \(describe(c)) where \(expected) is expected\(shape)\(lookalike(c, wantsDigit: wantsDigit))"
        }
        return nil
    }

    /// "the letter 'O'", "the digit '0'", "a space", "'-'".
    static func describe(_ c: Character) -> String {
        if c == " " || c == "\t" { return "a space" }
        if c.isASCII && c.isLetter { return "the letter '\(c)'" }
        if c.isASCII && c.isNumber { return "the digit '\(c)'" }
        return "'\(c)'"
    }

    /// A hint for the characters people mistype for one another: O and 0, I and 1, S and 5, B and 8.
    static func lookalike(_ c: Character, wantsDigit: Bool) -> String {
        let letterForDigit: [Character: Character] = ["O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"]
        let digitForLetter: [Character: Character] = ["0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"]
        if wantsDigit, let digit = letterForDigit[c] { return ": the digit \(digit)?" }
        if !wantsDigit, let letter = digitForLetter[c] { return ": the letter \(letter)?" }
        return ""
    }
}
