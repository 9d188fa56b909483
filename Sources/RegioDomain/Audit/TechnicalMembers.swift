/// A region's member schools with a technical profile, and whether they are alone in their catchment: what
/// `undersized-region` and `single-technology-school` read (worked out once per region evaluation).
struct TechnicalMembers {
    /// Members in the register with at least one technical student, in listing order.
    let schools: [SchoolCode]
    /// No technical school of another region (or of none) lies within ``AuditSettings/isolationDistanceMeters``
    /// (20 km) of any of them, or (with catchment areas) their areas hold no other technical school. `false`
    /// without technical schools. Only worked out for fewer than max(minimum technical schools, 2), the only
    /// regions for which it matters (it is the costly part: every school within the isolation distance of each).
    let aloneInCatchment: Bool

    init(of region: Region, in facts: some AuditFacts) {
        schools = facts.knownMembers(region).filter(facts.offersTechnology)
        aloneInCatchment = schools.count < max(facts.settings.minimumTechnicalSchools, 2)
            && Self.alone(schools, of: region, in: facts)
    }

    private static func alone(_ technicalSchools: [SchoolCode], of region: Region, in facts: some AuditFacts) -> Bool {
        guard !technicalSchools.isEmpty else { return false }
        let members = Set(region.schools)
        let distance = facts.settings.isolationDistanceMeters
        let isolated = technicalSchools.allSatisfy { code in
            guard facts.location(of: code) != nil else { return false }
            return facts.locatedSchools(within: distance, of: code).allSatisfy { members.contains($0.school) || !facts.offersTechnology($0.school) }
        }
        if isolated { return true }
        guard let catchments = facts.catchments else { return false }
        let areas = Set(technicalSchools.compactMap { catchments.areaOfSchool[$0] })
        guard !areas.isEmpty else { return false }
        return areas.allSatisfy { area in
            catchments.areas[area].schools.allSatisfy { members.contains($0) || !facts.offersTechnology($0) }
        }
    }
}
