import RegioDomain

/// The words every report uses for the same things, in each language, so that text, Markdown, portraits and
/// comparisons say it one way: severities (one word for infos everywhere: "note" in English, "opmerking" in
/// Dutch), regions, schools.
extension Language {
    /// "error", "warning", "note" (en); "fout", "waarschuwing", "opmerking" (nl).
    public func word(_ severity: Severity) -> String {
        switch (severity, self) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "note"
        case (.error, .nl): "fout"
        case (.warning, .nl): "waarschuwing"
        case (.info, .nl): "opmerking"
        }
    }

    /// "1 error", "3 warnings", "2 notes" (en); "1 fout", "3 waarschuwingen", "2 opmerkingen" (nl).
    public func count(_ n: Int, _ severity: Severity) -> String {
        switch (severity, self) {
        case (.error, .en): count(n, "error", "errors")
        case (.warning, .en): count(n, "warning", "warnings")
        case (.info, .en): count(n, "note", "notes")
        case (.error, .nl): count(n, "fout", "fouten")
        case (.warning, .nl): count(n, "waarschuwing", "waarschuwingen")
        case (.info, .nl): count(n, "opmerking", "opmerkingen")
        }
    }

    /// "Errors", "Warnings", "Notes" (en); "Fouten", "Waarschuwingen", "Opmerkingen" (nl): headings.
    public func heading(_ severity: Severity) -> String {
        let plural = count(2, severity).drop { $0 != " " }.dropFirst()
        return plural.prefix(1).uppercased() + plural.dropFirst()
    }

    /// "1 region", "44 regions" (en); "1 regio", "44 regio's" (nl).
    public func regions(_ n: Int) -> String { count(n, pick("region", "regio"), pick("regions", "regio's")) }

    /// "1 school", "12 schools" (en); "1 school", "12 scholen" (nl).
    public func schools(_ n: Int) -> String { count(n, "school", pick("schools", "scholen")) }

    /// "yes" / "ja", "no" / "nee".
    public func yesNo(_ value: Bool) -> String { value ? pick("yes", "ja") : pick("no", "nee") }

    /// A share (0…1) as a percentage, or "n/a" (en) / "n.v.t." (nl) without one.
    public func share(_ share: Double?) -> String { share.map { percent($0) } ?? pick("n/a", "n.v.t.") }
}
