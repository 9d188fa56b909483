/// `fragmented-region` (warning).
///
/// Definition: one finding per region whose located member schools fall apart into two or more groups by
/// single linkage: schools less than ``AuditSettings/fragmentGapMeters`` (25 km, EPSG:28992 metres) apart are
/// in one group. Its territory then has one part per group. The outliers are the schools outside the
/// largest group (ties: the group whose first school comes first); the value is the smallest distance, in
/// metres, between an outlier and the largest group.
enum FragmentedRegion {
    static func findings(_ region: Region, in facts: some AuditFacts) -> [Finding] {
        let (codes, points, groups) = facts.schoolGroups(of: region)
        guard groups.count > 1 else { return [] }
        let main = groups.max { ($0.count, $1.first ?? 0) < ($1.count, $0.first ?? 0) }!
        let others = groups.filter { $0 != main }.flatMap { $0 }
        let gap = others.map { o in main.map { points[$0].distance(to: points[o]) }.min()! }.min()!
        let outliers = others.map { codes[$0] }
        return [Finding(.fragmentedRegion, regions: [region.id], schools: outliers,
            message: "\(region.id)'s schools fall apart into \(groups.count) groups; \(outliers.map(facts.label).joined(separator: ", ")) \(outliers.count == 1 ? "lies" : "lie") \(distanceText(gap)) from the rest (gap distance \(distanceText(facts.settings.fragmentGapMeters))): a region is one bounded area",
            value: gap)]
    }
}
