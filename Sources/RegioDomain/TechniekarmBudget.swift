/// The separate budget of a techniekarm region (domain.md, "Technology-poor regions"): between
/// EUR 600,000 and EUR 4,000,000 per region for four years, ranked against the other techniekarm
/// regions; not technical students × the amount per student.
public enum TechniekarmBudget {
    /// The range, EUR for four years: [lowest, highest].
    public static let rangeEUR: [Double] = [600_000, 4_000_000]
}
