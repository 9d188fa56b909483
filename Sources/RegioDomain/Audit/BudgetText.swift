import Foundation

/// How reports state a budget: a region's amount, or a techniekarm region's separate range.
public enum BudgetText {
    /// "EUR 492,000", or for a techniekarm region "EUR 600,000–4,000,000 for four years (techniekarm)".
    public static func region(_ figures: RegionFigures) -> String {
        if let amount = figures.budgetEUR { return "EUR \(grouped(amount))" }
        return range(figures.budgetRangeEUR ?? TechniekarmBudget.rangeEUR) + " (techniekarm)"
    }

    /// "EUR 600,000–4,000,000 for four years".
    public static func range(_ bounds: [Double]) -> String {
        "EUR \(bounds.map(grouped).joined(separator: "–")) for four years"
    }

    /// The totals' budget: "EUR 68,154,000", and with techniekarm regions
    /// "EUR 68,154,000, and for the 3 techniekarm regions EUR 1,800,000–12,000,000 for four years".
    public static func totals(_ totals: AuditTotals) -> String {
        let base = "EUR \(grouped(totals.budgetEUR))"
        guard totals.techniekarmRegions > 0 else { return base }
        let regions = totals.techniekarmRegions == 1 ? "the techniekarm region" : "the \(totals.techniekarmRegions) techniekarm regions"
        return base + ", and for \(regions) " + range(totals.techniekarmBudgetRangeEUR)
    }

    /// "1,234,567": rounded to a whole number, thousands grouped (amounts in euros, distances, counts).
    public static func grouped(_ amount: Double) -> String {
        guard amount.isFinite, abs(amount) < 1e18 else { return String(format: "%.3g", amount) }
        let digits = String(Int(amount.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
