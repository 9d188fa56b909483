/// National totals of an audit: each school counted once, however many regions list it (domain.md,
/// "Exact definitions").
public struct AuditTotals: Sendable, Hashable, Codable {
    /// Regions of the pre-registration.
    public let regions: Int
    /// Distinct schools of the register listed by at least one region.
    public let schools: Int
    /// Year 3–4 students in BB, KB and GL of the distinct listed schools.
    public let countedStudents: Int
    /// Those in the five technical profiles.
    public let technicalStudents: Int
    /// The amount per technical student × the technical students of the distinct schools listed by at least
    /// one region that is not techniekarm, EUR a year.
    public let budgetEUR: Double
    /// Regions below the techniekarm share.
    public let techniekarmRegions: Int
    /// The separate budget of the techniekarm regions together: their number × [600,000, 4,000,000],
    /// EUR for four years (``TechniekarmBudget``).
    public let techniekarmBudgetRangeEUR: [Double]

    public init(regions: Int, schools: Int, countedStudents: Int, technicalStudents: Int, budgetEUR: Double,
                techniekarmRegions: Int) {
        self.regions = regions
        self.schools = schools
        self.countedStudents = countedStudents
        self.technicalStudents = technicalStudents
        self.budgetEUR = budgetEUR
        self.techniekarmRegions = techniekarmRegions
        techniekarmBudgetRangeEUR = TechniekarmBudget.rangeEUR.map { $0 * Double(techniekarmRegions) }
    }
}
