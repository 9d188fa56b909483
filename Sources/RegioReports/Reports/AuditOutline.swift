import RegioDomain

/// What the text and Markdown audit reports say, in order, before either formats it: the regions to contact
/// (errors first), then a section per region with its findings, the close-by pairs grouped per region pair
/// and each group printed once (under the region that comes first; the other region points to it).
struct AuditOutline {
    /// One line of a region's section.
    enum Item {
        case finding(Finding)
        /// A group of close-by pairs, printed in full here.
        case pairs(ClosePairGroup)
        /// A group printed under the partner region.
        case reference(ClosePairGroup)

        var severity: Severity {
            switch self {
            case .finding(let f): f.severity
            case .pairs, .reference: Rule.splitCloseSchools.severity
            }
        }

        var rule: Rule {
            switch self {
            case .finding(let f): f.rule
            case .pairs, .reference: .splitCloseSchools
            }
        }
    }

    struct Section {
        let region: RegionFigures
        let counts: AuditResult.SeverityCounts
        let items: [Item]
    }

    /// Regions with an error or a warning, the most errors first, then the most warnings (registration order on a tie).
    let contacts: [Section]
    /// Every region shown, in the same order (those without errors or warnings after them).
    let sections: [Section]
    /// Findings that concern no region (schools in no region).
    let unassigned: [Finding]

    init(_ result: AuditResult) {
        let counts = result.severityCountsByRegion()
        let groups = Dictionary(uniqueKeysWithValues: ClosePairGroup.groups(result.findings).map { ($0.regions, $0) })
        var findingsOf: [RegionID: [Finding]] = [:]
        for f in result.findings {
            for (i, id) in f.regions.enumerated() where i == 0 || f.regions[i - 1] != id { findingsOf[id, default: []].append(f) }
        }
        func weight(_ r: RegionFigures) -> (Int, Int) { counts[r.id].map { ($0.errors, $0.warnings) } ?? (0, 0) }
        let ordered = result.regions.enumerated().sorted { a, b in
            let (wa, wb) = (weight(a.element), weight(b.element))
            return wa != wb ? wa > wb : a.offset < b.offset
        }.map(\.element)
        var printed = Set<RegionPair>()
        var sections: [Section] = []
        for region in ordered {
            var items: [Item] = []
            var seenHere = Set<RegionPair>()
            for f in findingsOf[region.id] ?? [] {
                guard f.rule == .splitCloseSchools, f.regions.count == 2 else { items.append(.finding(f)); continue }
                let key = RegionPair(f.regions[0], f.regions[1])
                guard let group = groups[key], seenHere.insert(key).inserted else { continue }
                items.append(printed.insert(key).inserted ? .pairs(group) : .reference(group))
            }
            sections.append(Section(region: region, counts: counts[region.id] ?? AuditResult.SeverityCounts(), items: items))
        }
        self.sections = sections
        contacts = sections.filter { $0.counts.errors + $0.counts.warnings > 0 }
        unassigned = result.findings.filter { $0.regions.isEmpty }
    }
}
