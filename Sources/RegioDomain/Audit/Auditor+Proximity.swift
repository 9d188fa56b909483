import RegioSpatial

/// `split-close-schools`: pairs of close-by schools in different regions.
extension Auditor {
    func proximityFindings() throws(SpatialError) -> [Finding] {
        let schools = soleLocatedSchools
        let distance = settings.closeByDistanceMeters
        let index = try SpatialIndex(envelopes: schools.map { Envelope(points: [$0.location]) }, in: input.map.context)
        var findings: [Finding] = []
        for (i, a) in schools.enumerated() {
            for j in index.query(around: a.location, within: distance) where j > i {
                let b = schools[j]
                guard a.region != b.region else { continue }
                let d = a.location.distance(to: b.location)
                guard d <= distance else { continue }
                findings.append(Finding(.splitCloseSchools, regions: [a.region, b.region], schools: [a.code, b.code],
                    message: "\(label(a.code)) in \(a.region) and \(label(b.code)) in \(b.region) are \(distanceText(d)) apart (close-by distance \(distanceText(distance))): close-by schools belong in one region",
                    value: d))
            }
        }
        return findings
    }
}
