/// A catchment area: a logical geographic whole of contiguous units (municipalities) that holds enough
/// schools with a technical profile to form a region, against which pre-registered regions are judged
/// (`part-of-larger-area`, `undersized-region`, `single-technology-school` in `domain.md`).
public struct CatchmentArea: Sendable, Hashable, Codable, Identifiable {
    /// "C01", "C02", …: numbered in the order of each area's lowest unit code.
    public let id: String
    /// The codes of its units (CBS codes such as `GM0363`), ascending.
    public let units: [String]
    /// Every placed school in its units, ascending.
    public let schools: [SchoolCode]
    /// The schools with a technical profile (at least one technical student), ascending.
    public let technicalSchools: [SchoolCode]
    /// Technical students of its schools (year 3–4, BB/KB/GL, the five profiles; the routes when the
    /// setting says so).
    public let technicalStudents: Int
    /// Whether it reaches the thresholds it was formed with (false only when its connected part of the map
    /// cannot; the partition's notes say so).
    public let meetsThresholds: Bool
    /// The sum of the units' measure (``CatchmentBuilder/UnitMeasure``, such as inhabitants) when the areas
    /// were formed on one; `nil` otherwise.
    public let measureTotal: Double?

    public init(id: String, units: [String], schools: [SchoolCode], technicalSchools: [SchoolCode],
                technicalStudents: Int, meetsThresholds: Bool, measureTotal: Double? = nil) {
        self.measureTotal = measureTotal
        self.id = id
        self.units = units
        self.schools = schools
        self.technicalSchools = technicalSchools
        self.technicalStudents = technicalStudents
        self.meetsThresholds = meetsThresholds
    }

    /// The number of schools with a technical profile.
    public var technicalSchoolCount: Int { technicalSchools.count }
}
