/// Year 3 and 4 vmbo students of one school (or a group of schools), per track and profile, on the
/// census date. Counted and technical students follow `domain.md` exactly.
public struct StudentCounts: Sendable, Hashable, Codable {
    /// One cell of the table: a track and a profile.
    public struct Cell: Hashable, Sendable, Codable, Comparable {
        public let track: Track
        public let profile: Profile
        public init(track: Track, profile: Profile) {
            self.track = track
            self.profile = profile
        }
        public static func < (a: Cell, b: Cell) -> Bool {
            (a.track, a.profile) < (b.track, b.profile)
        }
    }

    /// Students per cell (year 3 + year 4, men + women).
    public private(set) var cells: [Cell: Int] = [:]

    public init() {}

    public mutating func add(_ students: Int, track: Track, profile: Profile) {
        guard students != 0 else { return }
        cells[Cell(track: track, profile: profile), default: 0] += students
    }

    public mutating func add(_ other: StudentCounts) {
        for (cell, n) in other.cells { cells[cell, default: 0] += n }
    }

    /// Students in BB, KB and GL, any profile.
    public var countedStudents: Int {
        cells.reduce(0) { $0 + ($1.key.track.isCounted ? $1.value : 0) }
    }

    /// Counted students in the five technical profiles; the technical routes count too when
    /// `includingRoutes` (a setting, off by default).
    public func technicalStudents(includingRoutes: Bool = false) -> Int {
        cells.reduce(0) { sum, entry in
            let p = entry.key.profile
            let technical = p.isTechnical || (includingRoutes && p == .technicalRoute)
            return sum + (entry.key.track.isCounted && technical ? entry.value : 0)
        }
    }

    /// Students in the theoretical track (TL), reported apart.
    public var theoreticalStudents: Int {
        cells.reduce(0) { $0 + ($1.key.track == .tl ? $1.value : 0) }
    }

    /// Students per profile over the counted tracks.
    public var perProfile: [Profile: Int] {
        var result: [Profile: Int] = [:]
        for (cell, n) in cells where cell.track.isCounted { result[cell.profile, default: 0] += n }
        return result
    }

    /// Students per track (TL included).
    public var perTrack: [Track: Int] {
        var result: [Track: Int] = [:]
        for (cell, n) in cells { result[cell.track, default: 0] += n }
        return result
    }

    /// The technical profiles with at least one counted student.
    public var technicalProfilesOffered: [Profile] {
        let perProfile = perProfile
        return Profile.technical.filter { (perProfile[$0] ?? 0) > 0 }
    }

    /// All students in the table.
    public var total: Int { cells.values.reduce(0, +) }
}
