/// Ranks merge partners for every region flagged `undersized-region`, `part-of-larger-area`,
/// `fragmented-region` or `enclave`, and proposes moves of single schools where that resolves a finding
/// (an enclave school to the region around it, an outlying school to the region of its neighbours).
///
/// Every candidate is tried on the auditor (an incremental update and back), so the findings it resolves
/// and introduces are those the audit itself would report, matched by ``Finding/identity``. A candidate is
/// listed only when it introduces no error and resolves more errors and warnings than it introduces
/// (``FindingChanges/improvesAudit``). Merge partners are neighbours only: regions whose schools' municipalities
/// border or share a municipality, or whose nearest schools lie within the fragment gap
/// (``AuditSettings/fragmentGapMeters``). Merges and moves share one score, ``SuggestionScore``.
public struct SuggestionEngine {
    let auditor: Auditor
    /// The register's codes, which an edit may name.
    let knownSchools: Set<SchoolCode>
    /// Partners tried per flagged region (the nearest neighbours by the cheap criteria).
    public var partnersPerRegion = 3

    public init(auditor: Auditor) {
        self.auditor = auditor
        knownSchools = Set(auditor.schoolByCode.keys)
    }

    /// The suggestions for the auditor's current registration, best first. The auditor is left as found.
    public func suggestions() throws(SpatialError) -> [Suggestion] {
        let base = auditor.registration
        let result = auditor.result
        let flaggedRules: Set<Rule> = [.undersizedRegion, .partOfLargerArea, .fragmentedRegion, .enclave]
        let flagged = Set(result.findings.filter { flaggedRules.contains($0.rule) }.compactMap(\.subjectRegion))
        // A region's outlying schools (its fragmented-region finding) do not make it anyone's neighbour.
        var outliers: [RegionID: Set<String>] = [:]
        for f in result.findings where f.rule == .fragmentedRegion { if let r = f.subjectRegion { outliers[r] = Set(f.schools) } }
        func core(_ region: Region) -> [SchoolCode] { region.schools.filter { !(outliers[region.id]?.contains($0.rawValue) ?? false) } }
        var suggestions: [Suggestion] = []
        defer { try? auditor.update(to: base) }
        for id in base.regions.map(\.id) where flagged.contains(id) {
            guard let region = base[id] else { continue }
            let partners = candidatePartners(of: region, result: result).filter { partner in
                base[partner].map { areNeighbours(core(region), core($0)) } ?? false
            }
            for partner in partners.prefix(partnersPerRegion) {
                if let s = try merge(region, with: partner, base: base, before: result) { suggestions.append(s) }
            }
        }
        for finding in result.findings where finding.rule == .enclave || finding.rule == .fragmentedRegion {
            suggestions += try moves(for: finding, base: base, before: result)
        }
        // Best first; one suggestion per outcome (merging A with B and B with A into B is one proposal).
        var seen = Set<String>()
        return suggestions.sorted { ($0.score, $1.headline) > ($1.score, $0.headline) }
            .filter { seen.insert($0.headline).inserted }
    }

    // MARK: candidates

    /// Partner regions by how many of the region's schools have their nearest other-region school in them.
    func candidatePartners(of region: Region, result: AuditResult) -> [RegionID] {
        var votes: [RegionID: Double] = [:]
        for code in region.schools { if let other = nearestOtherRegion(of: code, excluding: region.id) { votes[other, default: 0] += 1 } }
        for f in result.findings where f.regions.contains(region.id) && (f.rule == .partOfLargerArea || f.rule == .splitCloseSchools) {
            for other in f.regions where other != region.id { votes[other, default: 0] += 0.5 }
        }
        return votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    // MARK: proposals

    /// Merging `region` with `partner`; the merged region keeps the id (and name) of the one with more schools.
    func merge(_ region: Region, with partner: RegionID, base: Registration, before: AuditResult) throws(SpatialError) -> Suggestion? {
        guard let other = base[partner] else { return nil }
        let into = other.schools.count >= region.schools.count ? partner : region.id
        let edit = Edit.merge(regions: [region.id, partner], into: into)
        return try evaluate(.merge, edit: edit, headline: { self.headline(edit, in: $0, base: base) },
                            from: region, to: other, surviving: into, moving: region.schools,
                            movingName: { $0.pick("\(region.id)'s schools", "de scholen van \(region.id)") },
                            story: { $0.pick("merging", "samenvoegen") }, base: base, before: before)
    }

    /// Moves for an enclave school (to the region around it) or the outliers of a fragmented region (each
    /// to the region of its nearest neighbours).
    func moves(for finding: Finding, base: Registration, before: AuditResult) throws(SpatialError) -> [Suggestion] {
        guard let fromID = finding.subjectRegion, let from = base[fromID] else { return [] }
        var suggestions: [Suggestion] = []
        for raw in finding.schools {
            guard let code = SchoolCode(raw) else { continue }
            let target = finding.rule == .enclave ? finding.regions.first { $0 != fromID }
                : nearestOtherRegion(of: code, excluding: fromID)
            guard let toID = target, let to = base[toID] else { continue }
            let edit = Edit.move(school: code, to: toID)
            if let s = try evaluate(.move, edit: edit, headline: { self.headline(edit, in: $0, base: base, from: fromID) },
                                    from: from, to: to, surviving: toID, moving: [code], movingName: { _ in code.rawValue },
                                    story: { $0.pick("moving \(code) out of \(fromID)", "\(code) uit \(fromID) verplaatsen") },
                                    base: base, before: before) {
                suggestions.append(s)
            }
        }
        return suggestions
    }

    /// Tries `edit` on the auditor and returns the suggestion when it improves the audit: `from` is the
    /// region the proposal is for, `to` the receiving region, `moving` the schools that change region.
    func evaluate(_ kind: Suggestion.Kind, edit: Edit, headline: (Language) -> String, from: Region, to: Region, surviving: RegionID,
                  moving: [SchoolCode], movingName: (Language) -> String, story: (Language) -> String,
                  base: Registration, before: AuditResult) throws(SpatialError) -> Suggestion? {
        guard let edited = try? base.applying([edit], knownSchools: knownSchools) else { return nil }
        try auditor.update(to: edited)
        let after = auditor.result
        let changes = FindingChanges(from: before.findings, to: after.findings, edits: [edit])
        guard changes.improvesAudit else { return nil }
        let receiving = to.schools.filter { !moving.contains($0) }
        let scoreTerms = SuggestionScore(
            netProblemsResolved: changes.resolvedProblems - changes.introducedProblems,
            problemsOfRegion: before.findings.count { $0.regions.contains(from.id) && $0.severity != .info },
            nearestShare: share(of: moving) { self.nearestOtherRegion(of: $0, excluding: from.id) == to.id },
            sameCatchmentShare: sameCatchmentShare(moving, receiving),
            closePairsResolved: changes.resolved.count { $0.rule == .splitCloseSchools },
            neighbouring: areNeighbouringMunicipalities(moving, receiving))
        let figures = after.regions.first { $0.id == surviving }
        func reason(_ language: Language) -> String {
            var reason = story(language) + " " + SuggestionWording.changes(changes, in: language)
            if let f = figures { reason += "; " + SuggestionWording.figures(f, of: title(surviving, base), in: language) }
            return reason + "; " + scoreTerms.explanation(moving: movingName(language), oneSchool: kind == .move, from: from.id,
                                                          to: to.id, in: language)
        }
        let border = kind == .merge ? sharedBorderMeters(from.schools, to.schools).rounded() : 0
        return Suggestion(kind: kind, regions: [from.id, to.id], schools: kind == .move ? moving.map(\.rawValue) : [],
                          headline: headline(.en), survivingRegion: surviving, scoreTerms: scoreTerms, reason: reason(.en),
                          edit: edit, sharedBorderMeters: border, resultingFigures: figures, changes: changes,
                          dutch: Suggestion.Wording(headline: headline(.nl), reason: reason(.nl)))
    }

    // MARK: wording

    /// "STO19023 (Amsterdam)": a region's id and name, or the id alone when it has no name.
    func title(_ region: Region) -> String { region.name.isEmpty ? region.id.rawValue : "\(region.id) (\(region.name))" }

    func title(_ id: RegionID, _ registration: Registration) -> String { registration[id].map(title) ?? id.rawValue }

    /// The edit in words (``Edit/text(in:title:label:regionOf:)``, as `compare` describes edits). A move names
    /// `from` as the region the school leaves (the finding's region: a school listed twice has two); without
    /// it, the first region of `base` that lists the school.
    func headline(_ edit: Edit, in language: Language, base: Registration, from: RegionID? = nil) -> String {
        edit.text(in: language, title: { self.title($0, base) }, label: auditor.label,
                  regionOf: { code in from ?? base.regions.first { $0.schools.contains(code) }?.id })
    }
}

import RegioSpatial
