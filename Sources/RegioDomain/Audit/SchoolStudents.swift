/// One school's pupil figures as the audit sums them per region: counted and technical students (the routes
/// setting applied), and students per profile (counted tracks) and per track, in case order, `nil` where the
/// school has no cell. Made once per school, so that a region's figures add a few arrays instead of
/// merging each member's table.
struct SchoolStudents {
    let counted: Int
    let technical: Int
    /// By `Profile.allCases`.
    let perProfile: [Int?]
    /// By `Track.allCases`.
    let perTrack: [Int?]

    init(_ counts: StudentCounts, includingRoutes: Bool) {
        counted = counts.countedStudents
        technical = counts.technicalStudents(includingRoutes: includingRoutes)
        let byProfile = counts.perProfile, byTrack = counts.perTrack
        perProfile = Profile.allCases.map { byProfile[$0] }
        perTrack = Track.allCases.map { byTrack[$0] }
    }

    /// Sums per case (as in ``perProfile``) keyed by the case's name, for the cases that occur.
    static func byName<Case: RawRepresentable<String>>(_ sums: [Int?], _ cases: [Case]) -> [String: Int] {
        var named: [String: Int] = [:]
        for (i, sum) in sums.enumerated() { if let sum { named[cases[i].rawValue] = sum } }
        return named
    }
}

extension [Int?] {
    /// Adds `n` to the sum at `index` (starting it when `nil`).
    mutating func add(_ n: Int, at index: Int) { self[index] = (self[index] ?? 0) + n }

    /// Adds `other` element-wise.
    mutating func add(_ other: [Int?]) { for (i, n) in other.enumerated() { if let n { add(n, at: i) } } }
}
