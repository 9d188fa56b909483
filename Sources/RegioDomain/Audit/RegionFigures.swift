/// The figures of one region: members, lead, students, technical share, budget, territory.
public struct RegionFigures: Sendable, Hashable, Codable {
    public let id: RegionID
    public let name: String
    /// The lead school (*penvoerder*), when named and well-formed.
    public let lead: String?
    /// Member schools (known and unknown well-formed codes), sorted.
    public let schools: [String]
    /// Members in the register that offer a technical profile, sorted.
    public let technicalSchools: [String]
    /// Year 3–4 students in BB, KB and GL.
    public let countedStudents: Int
    /// Counted students in the five technical profiles.
    public let technicalStudents: Int
    /// technical / counted; `nil` without counted students.
    public let technicalShare: Double?
    public let techniekarm: Bool
    /// technicalStudents × the amount per student (a setting), EUR a year; `nil` for a techniekarm region,
    /// whose budget is the programme's separate range (``budgetRangeEUR``).
    public let budgetEUR: Double?
    /// A techniekarm region's separate budget, EUR for four years: [600,000, 4,000,000]
    /// (``TechniekarmBudget``); `nil` for other regions.
    public let budgetRangeEUR: [Double]?
    /// Counted students per profile (profile abbreviation → students).
    public let studentsPerProfile: [String: Int]
    /// Students per track (BB, KB, GL, and TL apart).
    public let studentsPerTrack: [String: Int]
    /// Territory area, km² (EPSG:28992).
    public let territoryAreaSquareKilometers: Double
    /// CBS codes of the municipalities holding member schools, sorted.
    public let municipalities: [String]
}
