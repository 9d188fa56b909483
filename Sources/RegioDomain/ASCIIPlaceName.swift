/// ``DutchPlaceName/display(_:)`` for names of ASCII bytes only, as DUO writes nearly every town: the same rules
/// applied to bytes instead of `Character`s, about twenty times faster (each audit labels every school, and a
/// label carries its town). `DutchPlaceNameTests` hold it to ``DutchPlaceName/displayByCharacter(_:)`` on every
/// town of the real register.
enum ASCIIPlaceName {
    private static let space = UInt8(ascii: " "), hyphen = UInt8(ascii: "-"), fullStop = UInt8(ascii: ".")

    /// The name as people write it, or `nil` when `name` has a byte outside ASCII.
    static func display(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        let words = bytes.split(whereSeparator: isSpace)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        // Written by a person (some lower case): only trimmed, with runs of spaces made one.
        if bytes.contains(where: isLower) {
            for (index, word) in words.enumerated() {
                if index > 0 { out.append(space) }
                out.append(contentsOf: word)
            }
            return String(decoding: out, as: UTF8.self)
        }
        var body = words[...]
        var suffix: String?
        if body.count > 1, let province = DutchPlaceName.provinces[bareProvince(body[body.endIndex - 1])] {
            suffix = province
            body.removeLast()
        }
        for (index, word) in body.enumerated() {
            if index > 0 { out.append(space) }
            let lower = word.map { isUpper($0) ? $0 + 32 : $0 }
            for (part, text) in lower.split(separator: hyphen, omittingEmptySubsequences: false).enumerated() {
                if part > 0 { out.append(hyphen) }
                append(text, insideName: index > 0 && part == 0, to: &out)
            }
        }
        if let suffix { out.append(contentsOf: " (\(suffix))".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One lower-cased word or hyphenated part as written (``DutchPlaceName/word(_:insideName:)``).
    private static func append(_ lower: ArraySlice<UInt8>, insideName: Bool, to out: inout [UInt8]) {
        let text = String(decoding: lower, as: UTF8.self)
        if text == "'s" || text == "'t" || (insideName && DutchPlaceName.particles.contains(text)) {
            out.append(contentsOf: lower)
        } else if insideName && text == "ad" {
            out.append(contentsOf: "a/d".utf8)
        } else {
            for (index, piece) in lower.split(separator: fullStop, omittingEmptySubsequences: false).enumerated() {
                if index > 0 { out.append(fullStop) }
                appendCapitalised(piece, to: &out)
            }
        }
    }

    /// "ijssel" → "IJssel", "zoom" → "Zoom" (``DutchPlaceName/capitalised(_:)``).
    private static func appendCapitalised(_ lower: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard let first = lower.first else { return }
        if lower.starts(with: "ij".utf8) {
            out.append(contentsOf: "IJ".utf8)
            out.append(contentsOf: lower.dropFirst(2))
        } else {
            out.append(isLower(first) ? first - 32 : first)
            out.append(contentsOf: lower.dropFirst())
        }
    }

    /// The word without parentheses and full stops ("(NH.)" → "NH"), as ``DutchPlaceName/provinceSuffix(_:)`` reads it.
    private static func bareProvince(_ word: ArraySlice<UInt8>) -> String {
        String(decoding: word.filter { $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") && $0 != fullStop }, as: UTF8.self)
    }

    /// The ASCII bytes `Character.isWhitespace` accepts: tab, line feed, vertical tab, form feed, carriage return, space.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == space || (0x09...0x0D).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
}
