/// Ranks merge partners for every region flagged `undersized-region`, `part-of-larger-area`,
/// `fragmented-region` or `enclave`, and proposes moves of single schools where that resolves a finding
/// better (an enclave school to the region around it, an outlying school to the region of its neighbours).
///
/// Every candidate is tried on the auditor (an incremental update and back), so the findings it resolves
/// and introduces are those the audit itself would report. The score weighs, on 0…1:
/// 0.35 × the net share of the flagged region's findings it resolves (errors and warnings),
/// 0.20 × the share of the flagged region's schools whose nearest other-region school is the partner's,
/// 0.15 × the share of its schools in a catchment area that also holds the partner's schools,
/// 0.15 × close-by pairs resolved (3 or more count fully), 0.15 × whether the regions share a border.
public struct SuggestionEngine {
    let auditor: Auditor
    /// The register's codes, which an edit may name.
    let knownSchools: Set<SchoolCode>
    /// Partners tried per flagged region (the nearest ones by the cheap criteria).
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
        var suggestions: [Suggestion] = []
        defer { try? auditor.update(to: base) }
        for id in base.regions.map(\.id) where flagged.contains(id) {
            guard let region = base[id] else { continue }
            for partner in candidatePartners(of: region, result: result).prefix(partnersPerRegion) {
                if let s = try merge(region, with: partner, base: base, before: result) { suggestions.append(s) }
            }
        }
        for finding in result.findings where finding.rule == .enclave || finding.rule == .fragmentedRegion {
            suggestions += try moves(for: finding, base: base, before: result)
        }
        // Best first; one suggestion per edit.
        var seen = Set<Edit>()
        return suggestions.sorted { ($0.score, $1.regions.joined()) > ($1.score, $0.regions.joined()) }
            .filter { seen.insert($0.edit).inserted }
    }

    // MARK: candidates

    /// Partner regions by how many of the region's schools have their nearest other-region school in them.
    func candidatePartners(of region: Region, result: AuditResult) -> [String] {
        var votes: [String: Double] = [:]
        for code in region.schools { if let other = nearestOtherRegion(of: code, excluding: region.id) { votes[other, default: 0] += 1 } }
        for f in result.findings where f.regions.contains(region.id) && (f.rule == .partOfLargerArea || f.rule == .splitCloseSchools) {
            for other in f.regions where other != region.id { votes[other, default: 0] += 0.5 }
        }
        return votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// The region of the nearest school (among the auditor's nearest neighbours) that one region other
    /// than `id` lists.
    func nearestOtherRegion(of code: SchoolCode, excluding id: String) -> String? {
        for n in auditor.neighbours[code] ?? [] {
            if let r = auditor.soleRegion(of: n.school), r != id { return r }
        }
        return nil
    }

    // MARK: merges

    func merge(_ region: Region, with partner: String, base: Registration, before: AuditResult) throws(SpatialError) -> Suggestion? {
        guard let other = base[partner] else { return nil }
        // The merged region keeps the id of the larger one.
        let into = other.schools.count >= region.schools.count ? partner : region.id
        let edit = Edit.merge(regions: [region.id, partner], into: into)
        guard let edited = try? base.applying([edit], knownSchools: knownSchools) else { return nil }
        try auditor.update(to: edited)
        let after = auditor.result
        let (resolved, introduced) = difference(before, after)
        let concerned = before.findings.filter { $0.regions.contains(region.id) && $0.severity != .info }
        let resolvedConcerned = resolved.filter { $0.regions.contains(region.id) && $0.severity != .info }.count
        let introducedSevere = introduced.filter { $0.severity != .info }.count
        let net = concerned.isEmpty ? 0 : max(0, Double(resolvedConcerned - introducedSevere)) / Double(concerned.count)
        let closePairs = resolved.filter { $0.rule == .splitCloseSchools }.count
        let nearestShare = share(of: region) { self.nearestOtherRegion(of: $0, excluding: region.id) == partner }
        let catchmentShare = sameCatchmentShare(region, other)
        let border = sharedBorderMeters(region, other)
        let score = 0.35 * net + 0.20 * nearestShare + 0.15 * catchmentShare + 0.15 * min(1, Double(closePairs) / 3)
            + 0.15 * (border > 0 ? 1 : 0)
        let figures = after.regions.first { $0.id == into }
        var reason = "\(partner) holds the nearest schools of \(percentText(nearestShare)) of \(region.id)'s schools"
        if border > 0 { reason += ", shares \(distanceText(border)) of municipal border" }
        if catchmentShare > 0 { reason += ", \(percentText(catchmentShare)) of \(region.id)'s schools share a catchment area with it" }
        reason += "; merging resolves \(resolved.count) finding\(resolved.count == 1 ? "" : "s") (\(summary(resolved)))"
        if !introduced.isEmpty { reason += " and introduces \(introduced.count) (\(summary(introduced)))" }
        if let f = figures {
            reason += "; the merged \(into) has \(f.schools.count) schools, \(f.technicalStudents) technical students (\(f.technicalShare.map(percent) ?? "n/a")\(f.techniekarm ? ", techniekarm" : "")), budget \(BudgetText.region(f))"
        }
        return Suggestion(kind: .merge, regions: [region.id, partner], schools: [], score: rounded(score), reason: reason,
                          edit: edit, sharedBorderMeters: border.rounded(), closePairsResolved: closePairs,
                          sameCatchmentShare: rounded(catchmentShare), resultingFigures: figures,
                          resolvedFindings: resolved.map(\.rule.rawValue), introducedFindings: introduced.map(\.rule.rawValue))
    }

    // MARK: moves

    /// Moves for an enclave school (to the region around it) or the outliers of a fragmented region (each
    /// to the region of its nearest neighbours).
    func moves(for finding: Finding, base: Registration, before: AuditResult) throws(SpatialError) -> [Suggestion] {
        guard let from = finding.subjectRegion else { return [] }
        var targets: [(SchoolCode, String)] = []
        for raw in finding.schools {
            guard let code = SchoolCode(raw) else { continue }
            if finding.rule == .enclave, let host = finding.regions.first(where: { $0 != from }) { targets.append((code, host)) }
            else if let nearest = nearestOtherRegion(of: code, excluding: from) { targets.append((code, nearest)) }
        }
        var suggestions: [Suggestion] = []
        for (code, to) in targets {
            let edit = Edit.move(school: code, to: to)
            guard let edited = try? base.applying([edit], knownSchools: knownSchools) else { continue }
            try auditor.update(to: edited)
            let after = auditor.result
            let (resolved, introduced) = difference(before, after)
            let fixesIt = !after.findings.contains { $0.key == finding.key }
            let net = Double(resolved.filter { $0.severity != .info }.count - introduced.filter { $0.severity != .info }.count)
            let score = (fixesIt ? 0.6 : 0.2) + 0.4 * max(0, min(1, net / 3))
            var reason = "moving \(auditor.label(code)) from \(from) to \(to) \(fixesIt ? "resolves" : "does not resolve") the \(finding.rule.rawValue) finding"
            reason += "; it resolves \(resolved.count) finding\(resolved.count == 1 ? "" : "s") (\(summary(resolved)))"
            if !introduced.isEmpty { reason += " and introduces \(introduced.count) (\(summary(introduced)))" }
            suggestions.append(Suggestion(kind: .move, regions: [from, to], schools: [code.rawValue], score: rounded(score),
                                          reason: reason, edit: edit, sharedBorderMeters: 0,
                                          closePairsResolved: resolved.filter { $0.rule == .splitCloseSchools }.count,
                                          sameCatchmentShare: 0, resultingFigures: after.regions.first { $0.id == to },
                                          resolvedFindings: resolved.map(\.rule.rawValue),
                                          introducedFindings: introduced.map(\.rule.rawValue)))
        }
        return suggestions
    }

    // MARK: evidence

    func difference(_ before: AuditResult, _ after: AuditResult) -> (resolved: [Finding], introduced: [Finding]) {
        let a = Set(before.findings.map(\.key)), b = Set(after.findings.map(\.key))
        return (before.findings.filter { !b.contains($0.key) }, after.findings.filter { !a.contains($0.key) })
    }

    func share(of region: Region, where predicate: (SchoolCode) -> Bool) -> Double {
        region.schools.isEmpty ? 0 : Double(region.schools.filter(predicate).count) / Double(region.schools.count)
    }

    func sameCatchmentShare(_ region: Region, _ other: Region) -> Double {
        guard let catchments = auditor.input.catchments else { return 0 }
        let partnerAreas = Set(other.schools.compactMap { catchments.areaOfSchool[$0] })
        return share(of: region) { code in catchments.areaOfSchool[code].map(partnerAreas.contains) ?? false }
    }

    /// The border between the municipalities holding each region's schools (shared municipalities do not
    /// count as border), metres; 0 without catchment areas (which carry the contiguity graph).
    func sharedBorderMeters(_ region: Region, _ other: Region) -> Double {
        guard let graph = auditor.input.catchments?.adjacency else { return 0 }
        let placement = auditor.input.placement.municipalityOf
        let mine = Set(region.schools.compactMap { placement[$0] }.compactMap(graph.position))
        let theirs = Set(other.schools.compactMap { placement[$0] }.compactMap(graph.position))
        var total = 0.0
        for u in mine where !theirs.contains(u) {
            for v in theirs where !mine.contains(v) { total += graph.sharedBorderMeters(between: u, and: v) }
        }
        return total
    }

    func summary(_ findings: [Finding]) -> String {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.rule.rawValue, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    func percentText(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
    func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}

import RegioSpatial
