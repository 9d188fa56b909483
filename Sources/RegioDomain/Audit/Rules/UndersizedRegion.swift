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
                message: "\(region.id) has \(count) school\(count == 1 ? "" : "s") with technical profiles, fewer than \(settings.minimumTechnicalSchools), and its catchment area has others: merge with a neighbour",
                value: Double(count))]
        }
        if settings.minimumTechnicalStudents > 0 && figures.technicalStudents < settings.minimumTechnicalStudents {
            return [Finding(.undersizedRegion, regions: [region.id], schools: region.schools,
                message: "\(region.id) has \(figures.technicalStudents) technical students, fewer than the minimum \(settings.minimumTechnicalStudents)",
                value: Double(figures.technicalStudents))]
        }
        return []
    }
}
