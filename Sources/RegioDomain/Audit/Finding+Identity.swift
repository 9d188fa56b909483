/// What makes a finding of one audit the same finding in another (``Finding/identity``, ``FindingChanges``).
extension Rule {
    /// Whether the rule judges a region as a whole and lists the region's members (or its located members,
    /// or its outlying group) only as context: `techniekarm`, `undersized-region`, `part-of-larger-area`,
    /// `fragmented-region`. A region that takes in or gives up a school keeps such a finding (with new
    /// numbers) rather than losing one and gaining another. Every other rule names its schools as the subject
    /// (the pair of a close-by pair, the enclave school, the lead).
    public var judgesWholeRegion: Bool {
        switch self {
        case .techniekarm, .undersizedRegion, .partOfLargerArea, .fragmentedRegion: true
        default: false
        }
    }
}

extension Finding {
    /// "rule|regions|": the start of a finding's ``key`` and ``identity`` (regions sorted, comma-separated).
    static func keyPrefix(rule: Rule, regions: [RegionID]) -> String {
        "\(rule.rawValue)|\(regions.joined(separator: ","))|"
    }

    /// "rule|regions|schools" (regions and schools sorted, comma-separated); the schools are left out for a
    /// rule that ``Rule/judgesWholeRegion``.
    static func identity(rule: Rule, regions: [RegionID], schools: [String]) -> String {
        keyPrefix(rule: rule, regions: regions) + (rule.judgesWholeRegion ? "" : schools.joined(separator: ","))
    }

    /// The identity this finding would have after its regions were renamed by `renaming` (old id → new id):
    /// a merge renames the regions it absorbs to the one that remains.
    func identity(renaming: [RegionID: RegionID]) -> String {
        guard regions.contains(where: { renaming[$0] != nil }) else { return identity }
        return Finding.identity(rule: rule, regions: regions.map { renaming[$0] ?? $0 }.sorted(), schools: schools)
    }
}
