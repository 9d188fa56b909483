/// `part-of-larger-area` (warning).
///
/// Definition: with catchment areas computed (max-p regionalization of the municipalities, see
/// ``CatchmentPartition``), one finding per region whose located member schools in the register all lie in one
/// catchment area that also holds technical schools listed by other regions: a merge candidate. The finding
/// names the region (its subject) and those other regions, most technical schools in the area first (ties by
/// id), and the region's located members.
enum PartOfLargerArea {
    static func findings(_ region: Region, in facts: some AuditFacts) -> [Finding] {
        guard let catchments = facts.catchments else { return [] }
        let members = facts.knownMembers(region).filter { facts.location(of: $0) != nil }
        let areas = Set(members.compactMap { catchments.areaOfSchool[$0] })
        guard areas.count == 1, let a = areas.first else { return [] }
        let area = catchments.areas[a]
        var others: [RegionID: Int] = [:]
        for code in area.schools where facts.offersTechnology(code) {
            for other in facts.regions(listing: code) where other != region.id { others[other, default: 0] += 1 }
        }
        guard !others.isEmpty else { return [] }
        let partners = others.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        return [Finding(.partOfLargerArea, regions: [region.id] + partners, schools: members,
            message: "all \(members.count) schools of \(region.id) lie in catchment area \(area.id), which also holds technical schools of \(partners.joined(separator: ", ")): merge candidate", subject: region.id)]
    }
}
