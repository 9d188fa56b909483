import RegioDomain
import RegioReports

/// One line of a letter's findings (plain text, not yet escaped for HTML or Markdown).
struct ProblemLine: Sendable, Hashable {
    let severity: Severity
    let rule: Rule
    let text: String
}

/// The findings of one region as a letter lists them: errors first, then warnings, then notes, each in the
/// audit's order; close-by pairs (`split-close-schools`, one finding per pair of schools) grouped per partner
/// region (``ClosePairGroup``, as the reports group them) into one line with their count and the closest pair,
/// so that 230 pairs with one neighbour take one line, not 230.
enum ProblemList {
    static func lines(region: RegionID, findings: [Finding], names: LetterNames, wording w: LetterWording,
                      settings: AuditSettings, message: (Finding) -> String) -> [ProblemLine] {
        let own = findings.filter { $0.regions.contains(region) }
        let groups = Dictionary(ClosePairGroup.groups(own).map { ($0.partner(of: region), $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [ProblemLine] = []
        var placed: Set<RegionID> = []
        for severity in Severity.allCases {
            for finding in own where finding.severity == severity {
                if finding.rule == .splitCloseSchools, let partner = finding.regions.first(where: { $0 != region }),
                   let group = groups[partner] {
                    // The group's line stands where its first pair would have stood.
                    if placed.insert(partner).inserted {
                        lines.append(ProblemLine(severity: severity, rule: .splitCloseSchools,
                                                 text: closePairs(group, partner: partner, names: names, wording: w, settings: settings)))
                    }
                    continue
                }
                lines.append(ProblemLine(severity: severity, rule: finding.rule, text: sentence(message(finding))))
            }
        }
        return lines
    }

    /// A message as a sentence of a list: its first letter upper case ("de gebieden …" → "De gebieden …").
    static func sentence(_ message: String) -> String {
        guard let first = message.first, first.isLowercase else { return message }
        return first.uppercased() + message.dropFirst()
    }

    /// "With region STO19041 (…): 230 pairs of schools within 5.0 km of each other in different regions; the
    /// closest pair: A and B, 420 m apart."
    static func closePairs(_ group: ClosePairGroup, partner: RegionID, names: LetterNames, wording w: LetterWording,
                           settings: AuditSettings) -> String {
        let l = w.language
        let closest = group.closest
        let schools = l.list(closest.schools.map(names.school))
        let apart = closest.value.map { w.t(", \(l.distance($0)) apart", ", \(l.distance($0)) uit elkaar") } ?? ""
        let within = l.kilometres(settings.closeByDistanceMeters)
        let count = l.count(group.findings.count, w.t("pair", "paar"), w.t("pairs", "paren"))
        let head = w.t("With region \(names.region(partner)): \(count) of schools within \(within) of each other in different regions",
                       "Met regio \(names.region(partner)): \(count) scholen binnen \(within) van elkaar in verschillende regio's")
        if group.findings.count == 1 { return "\(head): \(schools)\(apart)." }
        return head + w.t("; the closest pair: ", "; het dichtste paar: ") + schools + apart + "."
    }
}
