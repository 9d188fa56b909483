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
            message: Message(region: region.id, groups: groups.count, outliers: outliers.map(facts.label), gapMeters: gap,
                             limitMeters: facts.settings.fragmentGapMeters),
            value: gap)]
    }
}

extension FragmentedRegion {
    struct Message: FindingMessage {
        let region: RegionID, groups: Int, outliers: [String]
        /// Metres: the gap between the outliers and the largest group, and the setting.
        let gapMeters: Double, limitMeters: Double

        func text(in language: Language) -> String {
            let (gap, limit) = (language.distance(gapMeters), language.distance(limitMeters))
            let one = outliers.count == 1
            return switch language {
            case .en: "\(region)'s schools fall apart into \(groups) groups; \(language.list(outliers)) \(one ? "lies" : "lie") \(gap) from the rest (gap distance \(limit)): a region is one bounded area"
            case .nl: "de scholen van \(region) vallen uiteen in \(groups) groepen; \(language.list(outliers)) \(one ? "ligt" : "liggen") \(gap) van de rest (grensafstand \(limit)): een regio is één begrensd gebied"
            }
        }
    }
}
