/// `undersized-region` (warning).
///
/// Definition: one finding per region that lists at least one code and either
/// - has fewer member schools with a technical profile than ``AuditSettings/minimumTechnicalSchools`` (2),
///   unless they are alone in their catchment (``TechnicalMembers/aloneInCatchment``); the value is the
///   number of technical schools; or, failing that,
/// - has fewer technical students than ``AuditSettings/minimumTechnicalStudents`` (0 switches this off);
///   the value is the number of technical students.
enum UndersizedRegion {
    static func findings(_ region: Region, figures: RegionFigures, technical: TechnicalMembers,
                         in facts: some AuditFacts) -> [Finding] {
        guard !region.schools.isEmpty else { return [] }
        let settings = facts.settings
        let count = technical.schools.count
        if count < settings.minimumTechnicalSchools && !technical.aloneInCatchment {
            return [Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                message: Message(region: region.id, measure: .technicalSchools, count: count, minimum: settings.minimumTechnicalSchools),
                value: Double(count))]
        }
        if settings.minimumTechnicalStudents > 0 && figures.technicalStudents < settings.minimumTechnicalStudents {
            return [Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                message: Message(region: region.id, measure: .technicalStudents, count: figures.technicalStudents,
                                 minimum: settings.minimumTechnicalStudents),
                value: Double(figures.technicalStudents))]
        }
        return []
    }
}

extension UndersizedRegion {
    struct Message: FindingMessage {
        enum Measure: Sendable, Hashable { case technicalSchools, technicalStudents }
        let region: RegionID, measure: Measure, count: Int, minimum: Int

        func text(in language: Language) -> String {
            let minimum = language.integer(minimum)
            switch (measure, language) {
            case (.technicalSchools, .en):
                return "\(region) has \(language.count(count, "school", "schools")) with technical profiles, fewer than \(minimum), and its catchment area has others: merge with a neighbour"
            case (.technicalSchools, .nl):
                return "\(region) heeft \(language.count(count, "school", "scholen")) met technische profielen, minder dan \(minimum), en het verzorgingsgebied heeft er meer: voeg samen met een buurregio"
            case (.technicalStudents, .en):
                return "\(region) has \(language.count(count, "technical student", "technical students")), fewer than the minimum \(minimum)"
            case (.technicalStudents, .nl):
                return "\(region) heeft \(language.count(count, "technische leerling", "technische leerlingen")), minder dan het minimum van \(minimum)"
            }
        }
    }
}
