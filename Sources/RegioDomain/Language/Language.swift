/// The language of everything regio writes for people: reports, portraits, letters, the map page and the
/// planning page. Rule ids, JSON keys and CLI help stay English whatever the language.
///
/// Dutch is the programme's language (the support team, the regions and the schools read Dutch); English is
/// the default, for analysts and scripts.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case en, nl

    /// The language a user named, in any case ("NL", "nl", "en"); nil for anything else.
    public init?(named name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The BCP 47 tag, for `<html lang="…">` and `Intl` in the pages.
    public var tag: String { rawValue }

    /// "1 school" or "3 schools" (en), "1 school" or "3 scholen" (nl): the count, grouped, and the noun in
    /// the right number. The caller gives both forms, in this language.
    public func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural)"
    }
}
