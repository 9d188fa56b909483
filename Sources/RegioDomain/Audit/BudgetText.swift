/// How reports state a budget: a region's amount, or a techniekarm region's separate range, in a language
/// (amounts through ``Language/money(_:)``).
public enum BudgetText {
    /// "€492,000" (en), "€ 492.000" (nl); for a techniekarm region "€600,000–4,000,000 for four years (techniekarm)".
    public static func region(_ figures: RegionFigures, in language: Language = .en) -> String {
        if let amount = figures.budgetEUR { return language.money(amount) }
        return range(figures.budgetRangeEUR ?? TechniekarmBudget.rangeEUR, in: language) + " (techniekarm)"
    }

    /// "€600,000–4,000,000 for four years" (en), "€ 600.000–4.000.000 voor vier jaar" (nl).
    public static func range(_ bounds: [Double], in language: Language = .en) -> String {
        guard let low = bounds.first, let high = bounds.last else { return "" }
        return language.moneyRange(low, high) + language.pick(" for four years", " voor vier jaar")
    }

    /// The totals' budget: "€68,154,000", and with techniekarm regions
    /// "€68,154,000, and for the 3 techniekarm regions €1,800,000–12,000,000 for four years"
    /// (nl: "€ 68.154.000, en voor de 3 techniekarme regio's € 1.800.000–12.000.000 voor vier jaar").
    public static func totals(_ totals: AuditTotals, in language: Language = .en) -> String {
        let base = language.money(totals.budgetEUR)
        let n = totals.techniekarmRegions
        guard n > 0 else { return base }
        let regions = language == .nl
            ? (n == 1 ? ", en voor de techniekarme regio " : ", en voor de \(language.integer(n)) techniekarme regio's ")
            : (n == 1 ? ", and for the techniekarm region " : ", and for the \(language.integer(n)) techniekarm regions ")
        return base + regions + range(totals.techniekarmBudgetRangeEUR, in: language)
    }
}
