/// Numbers as each language writes them. English: `1,234`, `€2,199,000`, `12.5 %`, `0.4 km`; Dutch: `1.234`,
/// `€ 2.199.000`, `12,5 %`, `0,4 km`. Hand-written rather than `NumberFormatter`: the output must not depend on
/// the machine's locale data, and reports format tens of thousands of numbers.
extension Language {
    /// The thousands separator: "," (en) or "." (nl).
    public var groupSeparator: Character { self == .nl ? "." : "," }
    /// The decimal separator: "." (en) or "," (nl).
    public var decimalSeparator: Character { self == .nl ? "," : "." }

    /// A whole number with thousands grouped: "1,234,567" (en), "1.234.567" (nl).
    public func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
            out.append(c)
        }
        return out
    }

    /// `x` rounded to `decimals` places (0…6), thousands grouped: "1,234.5" (en), "1.234,5" (nl). Non-finite
    /// values and magnitudes beyond 10^15 are written plainly ("nan", "inf", "1e+20"): they never occur in a
    /// valid report, and grouping them would hide that.
    public func number(_ x: Double, decimals: Int = 0) -> String {
        let places = min(max(decimals, 0), 6)
        guard x.isFinite, abs(x) < 1e15 else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let negative = x < 0 && scaled > 0
        var out = (negative ? "-" : "") + integer(whole)
        if places > 0 {
            let fraction = Int(scaled - Double(whole) * scale)
            let digits = String(fraction)
            out.append(decimalSeparator)
            out += String(repeating: "0", count: places - digits.count) + digits
        }
        return out
    }

    /// An amount in euros, rounded to whole euros: "€2,199,000" (en), "€ 2.199.000" (nl).
    public func money(_ euros: Double) -> String {
        (self == .nl ? "€ " : "€") + number(euros)
    }

    /// A range of euros: "€600,000–4,000,000" (en), "€ 600.000–4.000.000" (nl).
    public func moneyRange(_ lowest: Double, _ highest: Double) -> String {
        money(lowest) + "–" + number(highest)
    }

    /// A share (0…1) as a percentage with `decimals` places: "12.5 %" (en), "12,5 %" (nl).
    public func percent(_ share: Double, decimals: Int = 1) -> String {
        number(share * 100, decimals: decimals) + " %"
    }

    /// A distance given in metres, written in kilometres: "0.4 km" (en), "0,4 km" (nl).
    public func kilometres(_ metres: Double, decimals: Int = 1) -> String {
        number(metres / 1000, decimals: decimals) + " km"
    }
}
