import RegioSpatial

/// `split-close-schools`: pairs of close-by schools in different regions, kept per pair.
extension Auditor {
    /// Re-evaluates every close-by pair that involves `code`.
    func updateClosePairs(of code: SchoolCode) {
        for key in closePairsOfSchool[code] ?? [] {
            if let pair = closePairs.removeValue(forKey: key) {
                replace([pair], with: [])
                for s in pair.schools { if let c = SchoolCode(s), c != code { closePairsOfSchool[c]?.remove(key) } }
            }
        }
        closePairsOfSchool[code] = nil
        guard let region = soleRegion(of: code), let p = locationOf[code] else { return }
        let distance = settings.closeByDistanceMeters
        for i in pointIndex.query(around: p, within: distance) {
            let other = located[i]
            guard other != code, let otherRegion = soleRegion(of: other), otherRegion != region else { continue }
            let d = locationOf[other]!.distance(to: p)
            guard d <= distance else { continue }
            let (a, b, ra, rb) = code < other ? (code, other, region, otherRegion) : (other, code, otherRegion, region)
            let key = "\(a)|\(b)"
            let finding = Finding(.splitCloseSchools, regions: [ra, rb], schools: [a, b],
                message: "\(label(a)) in \(ra) and \(label(b)) in \(rb) are \(distanceText(d)) apart (close-by distance \(distanceText(distance))): close-by schools belong in one region",
                value: d)
            replace(closePairs.updateValue(finding, forKey: key).map { [$0] } ?? [], with: [finding])
            closePairsOfSchool[a, default: []].insert(key)
            closePairsOfSchool[b, default: []].insert(key)
        }
    }
}
