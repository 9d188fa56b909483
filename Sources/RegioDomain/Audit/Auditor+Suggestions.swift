/// Merge suggestions for undersized regions and regions inside a larger catchment area.
extension Auditor {
    func mergeSuggestions(for findings: [Finding], figures: [RegionFigures]) -> [Suggestion] {
        let flagged = Set(findings.filter { $0.rule == .undersizedRegion || $0.rule == .partOfLargerArea }
            .compactMap { $0.regions.first })
        let figuresByID = Dictionary(figures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let closePairs = findings.filter { $0.rule == .splitCloseSchools }
        var suggestions: [Suggestion] = []
        let soleLocated = located.compactMap { code in soleRegion(of: code).map { (region: $0, location: locationOf[code]!) } }
        for id in registration.regions.map(\.id) where flagged.contains(id) {
            guard let region = regionByID[id] else { continue }
            let (_, points, _) = schoolGroups(of: region)
            guard !points.isEmpty else { continue }
            // Partner candidates: regions of the nearest schools listed by one other region.
            var nearestCount: [String: Int] = [:]
            for p in points {
                var best: (String, Double)?
                for other in soleLocated where other.region != id {
                    let d = other.location.distance(to: p)
                    if best == nil || d < best!.1 { best = (other.region, d) }
                }
                if let best { nearestCount[best.0, default: 0] += 1 }
            }
            guard let partner = nearestCount.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key,
                  let a = figuresByID[id], let b = figuresByID[partner] else { continue }
            let resolved = closePairs.filter { Set($0.regions) == Set([id, partner]) }.count
            let counted = a.countedStudents + b.countedStudents
            let technical = a.technicalStudents + b.technicalStudents
            let share = counted > 0 ? Double(technical) / Double(counted) : 0
            let nearestShare = Double(nearestCount[partner]!) / Double(points.count)
            let score = min(1, 0.6 * nearestShare + (resolved > 0 ? 0.2 : 0) + 0.2 * min(1, Double(resolved) / 3))
            suggestions.append(Suggestion(kind: .merge, regions: [id, partner], score: (score * 100).rounded() / 100,
                reason: "\(partner) holds the nearest schools of \(Int((nearestShare * 100).rounded())) % of \(id)'s schools; merging resolves \(resolved) close-by pair\(resolved == 1 ? "" : "s") and gives \(a.schools.count + b.schools.count) schools, \(technical) technical students (\(percent(share)))"))
        }
        return suggestions.sorted { ($0.score, $1.regions[0]) > ($1.score, $0.regions[0]) }
    }
}
