/// The parts of a suggestion's reason that state numbers, in a language: what it resolves and introduces, and
/// the receiving region's figures afterwards.
enum SuggestionWording {
    /// "resolves 3 findings (2 part-of-larger-area, 1 split-close-schools) and introduces 1 (1 overlapping-regions)"
    /// (nl: "lost 3 bevindingen op (…) en veroorzaakt er 1 (…)").
    static func changes(_ changes: FindingChanges, in language: Language) -> String {
        let (resolved, introduced) = (changes.resolved, changes.introduced)
        var text = language.pick("resolves \(language.count(resolved.count, "finding", "findings")) (\(summary(resolved, language)))",
                                 "lost \(language.count(resolved.count, "bevinding", "bevindingen")) op (\(summary(resolved, language)))")
        if !introduced.isEmpty {
            text += language.pick(" and introduces \(language.integer(introduced.count)) (\(summary(introduced, language)))",
                                  " en veroorzaakt er \(language.integer(introduced.count)) (\(summary(introduced, language)))")
        }
        return text
    }

    /// "STO19007 (Noord) then has 12 schools, 312 technical students (20.2 %), budget €936,000"
    /// (nl: "STO19007 (Noord) heeft dan 12 scholen, 312 technische leerlingen (20,2 %), budget € 936.000").
    static func figures(_ f: RegionFigures, of title: String, in language: Language) -> String {
        let share = (f.technicalShare.map { language.percent($0) } ?? language.pick("n/a", "n.v.t.")) + (f.techniekarm ? ", techniekarm" : "")
        let budget = BudgetText.region(f, in: language)
        return language.pick(
            "\(title) then has \(language.count(f.schools.count, "school", "schools")), \(language.count(f.technicalStudents, "technical student", "technical students")) (\(share)), budget \(budget)",
            "\(title) heeft dan \(language.count(f.schools.count, "school", "scholen")), \(language.count(f.technicalStudents, "technische leerling", "technische leerlingen")) (\(share)), budget \(budget)")
    }

    /// "2 part-of-larger-area, 1 split-close-schools": findings counted by rule id (ids stay as they are).
    static func summary(_ findings: [Finding], _ language: Language) -> String {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.rule.rawValue, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\(language.integer($0.value)) \($0.key)" }.joined(separator: ", ")
    }
}
