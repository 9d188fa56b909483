import RegioDomain

/// One line of a letter's findings (plain text, not yet escaped for HTML or Markdown).
struct ProblemLine: Sendable, Hashable {
    let severity: Severity
    let rule: Rule
    let text: String
}

/// The findings of one region as a letter lists them: errors first, then warnings, then notes, each in the
/// audit's order; close-by pairs (`split-close-schools`, one finding per pair of schools) grouped per partner
/// region into one line with their count and the closest pair, so that 230 pairs with one neighbour take one
/// line, not 230.
enum ProblemList {
    static func lines(region: String, findings: [Finding], names: LetterNames, wording w: LetterWording,
                      settings: AuditSettings, message: (Finding) -> String) -> [ProblemLine] {
        var lines: [ProblemLine] = []
        var pairGroups: [String: (line: Int, pairs: [Finding])] = [:]
        for severity in Severity.allCases {
            for finding in findings where finding.severity == severity && finding.regions.contains(region) {
                guard finding.rule == .splitCloseSchools,
                      let partner = finding.regions.first(where: { $0 != region }) else {
                    lines.append(ProblemLine(severity: severity, rule: finding.rule, text: sentence(message(finding))))
                    continue
                }
                if pairGroups[partner] != nil {
                    pairGroups[partner]!.pairs.append(finding)
                } else {
                    // The group's line stands where its first pair would have stood.
                    pairGroups[partner] = (lines.count, [finding])
                    lines.append(ProblemLine(severity: severity, rule: .splitCloseSchools, text: ""))
                }
            }
        }
        for (partner, group) in pairGroups {
            lines[group.line] = ProblemLine(severity: lines[group.line].severity, rule: .splitCloseSchools,
                                            text: closePairs(group.pairs, partner: partner, names: names, wording: w, settings: settings))
        }
        return lines
    }

    /// A message as a sentence of a list: its first letter upper case ("de gebieden …" → "De gebieden …").
    static func sentence(_ message: String) -> String {
        guard let first = message.first, first.isLowercase else { return message }
        return first.uppercased() + message.dropFirst()
    }

    /// "With region STO19041 (…): 230 pairs of schools within 5.0 km of each other in different regions; the
    /// closest pair: A and B, 0.4 km apart."
    static func closePairs(_ pairs: [Finding], partner: String, names: LetterNames, wording w: LetterWording,
                           settings: AuditSettings) -> String {
        let l = w.language
        // Each pair's distance (metres) is its value; a pair without one sorts last.
        let closest = pairs.min { ($0.value ?? .infinity, $0.key) < ($1.value ?? .infinity, $1.key) }!
        let schools = l.list(closest.schools.map(names.school))
        let apart = closest.value.map { w.t(", \(l.distance($0)) apart", ", \(l.distance($0)) uit elkaar") } ?? ""
        let within = l.kilometres(settings.closeByDistanceMeters)
        let count = l.count(pairs.count, w.t("pair", "paar"), w.t("pairs", "paren"))
        let head = w.t("With region \(names.region(partner)): \(count) of schools within \(within) of each other in different regions",
                       "Met regio \(names.region(partner)): \(count) scholen binnen \(within) van elkaar in verschillende regio's")
        if pairs.count == 1 { return "\(head): \(schools)\(apart)." }
        return head + w.t("; the closest pair: ", "; het dichtste paar: ") + schools + apart + "."
    }
}
