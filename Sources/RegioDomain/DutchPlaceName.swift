/// Dutch place names written as people write them. DUO's register gives towns (*plaatsnamen*) in capitals,
/// with the province as a bare suffix where a name occurs twice ("BERGEN NH", "VELP GLD"); letters, reports
/// and exports show them the way the municipality map (CBS) writes names.
public enum DutchPlaceName {
    /// The name as people write it: "ENSCHEDE" → "Enschede", "'S-HERTOGENBOSCH" → "'s-Hertogenbosch",
    /// "BERGEN OP ZOOM" → "Bergen op Zoom", "IJSSELSTEIN" → "IJsselstein", "DEN HAAG" → "Den Haag",
    /// "HARDINXVELD-GIESSENDAM" → "Hardinxveld-Giessendam", "BERGEN NH" → "Bergen (NH.)", "EDE GLD" →
    /// "Ede (Gld.)", "NIEUWERKERK AD IJSSEL" → "Nieuwerkerk a/d IJssel".
    ///
    /// The rules: every word and every hyphenated part starts with a capital, the rest lower case; the Dutch
    /// digraph IJ at the start of a word or part stays capital as a whole ("IJssel"); the particles *aan, bij,
    /// de, den, der, en, het, in, onder, op, over, te, ten, ter, van* are lower case inside a name but capital
    /// as its first word ("Den Helder", "Ter Apel"); the prefixes *'s* and *'t* are always lower case; a last
    /// word that is a province code (NH, ZH, NB, GLD, OV, LB, L, UT, FR, GN, DR, ZL, FL) becomes the
    /// parenthesised abbreviation CBS uses ("(NH.)", "(L.)"); "AD" inside a name is "a/d" (*aan de(n)*).
    /// A name that already has lower-case letters was written by a person and is returned as given, only
    /// trimmed, with runs of spaces made one.
    public static func display(_ name: String) -> String {
        ASCIIPlaceName.display(name) ?? displayByCharacter(name)
    }

    /// ``display(_:)`` for any text, a `Character` at a time (the ASCII names of the register take the faster
    /// byte path of ``ASCIIPlaceName``, which a test holds to the same result).
    static func displayByCharacter(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        let joined = words.joined(separator: " ")
        if joined.contains(where: \.isLowercase) { return joined }
        var body = words
        var suffix = ""
        if body.count > 1, let province = provinceSuffix(body[body.count - 1]) {
            suffix = " (\(province))"
            body.removeLast()
        }
        let written = body.enumerated().map { index, word in
            word.lowercased().split(separator: "-", omittingEmptySubsequences: false).enumerated().map { part, text in
                self.word(String(text), insideName: index > 0 && part == 0)
            }.joined(separator: "-")
        }
        return written.joined(separator: " ") + suffix
    }

    /// Particles written in lower case inside a name ("Alphen aan den Rijn", "Wijk bij Duurstede").
    static let particles: Set<String> = ["aan", "bij", "de", "den", "der", "en", "het", "in", "onder", "op", "over",
                                         "te", "ten", "ter", "van"]

    /// DUO's province suffixes and the abbreviation CBS writes in parentheses ("Bergen (NH.)", "Bergen (L.)").
    static let provinces: [String: String] = [
        "NH": "NH.", "ZH": "ZH.", "NB": "NB.", "GLD": "Gld.", "OV": "Ov.", "LB": "L.", "L": "L.", "UT": "Ut.",
        "FR": "Fr.", "GN": "Gn.", "DR": "Dr.", "ZL": "Z.", "FL": "Fl.",
    ]

    /// The CBS abbreviation of a province suffix ("NH", "(NH.)", "GLD"), `nil` for any other word.
    static func provinceSuffix(_ word: String) -> String? {
        let bare = word.filter { $0 != "(" && $0 != ")" && $0 != "." }
        return provinces[bare]
    }

    /// One lower-cased word or hyphenated part as written; `insideName`: a whole word that is not the first.
    static func word(_ lower: String, insideName: Bool) -> String {
        if lower == "'s" || lower == "'t" { return lower }
        if insideName && particles.contains(lower) { return lower }
        if insideName && lower == "ad" { return "a/d" }
        // "st.-annaparochie" has been split at the hyphen; "st." and abbreviations with inner full stops
        // capitalise after each stop.
        return lower.split(separator: ".", omittingEmptySubsequences: false).map { capitalised(String($0)) }
            .joined(separator: ".")
    }

    /// "ijssel" → "IJssel", "zoom" → "Zoom", "" → "".
    static func capitalised(_ lower: String) -> String {
        if lower.hasPrefix("ij") { return "IJ" + lower.dropFirst(2) }
        guard let first = lower.first else { return lower }
        return first.uppercased() + lower.dropFirst()
    }
}
