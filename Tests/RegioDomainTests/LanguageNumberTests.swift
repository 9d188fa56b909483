import RegioDomain
import Testing

/// The number formats of issue 14: `1.234`, `€ 2.199.000`, `12,5 %` in Dutch; `1,234`, `€2,199,000`,
/// `12.5 %` in English.
@Suite struct LanguageNumberTests {
    @Test func integersAreGroupedInThousands() {
        #expect(Language.en.integer(1234) == "1,234")
        #expect(Language.nl.integer(1234) == "1.234")
        #expect(Language.en.integer(999) == "999")
        #expect(Language.nl.integer(1_234_567) == "1.234.567")
        #expect(Language.en.integer(-1_234_567) == "-1,234,567")
        #expect(Language.en.integer(0) == "0")
        #expect(Language.en.integer(100_000) == "100,000")
    }

    @Test func moneyAndPercentagesFollowTheLanguage() {
        #expect(Language.nl.money(2_199_000) == "€ 2.199.000")
        #expect(Language.en.money(2_199_000) == "€2,199,000")
        #expect(Language.en.money(2_198_999.6) == "€2,199,000")
        #expect(Language.nl.moneyRange(600_000, 4_000_000) == "€ 600.000–4.000.000")
        #expect(Language.en.moneyRange(600_000, 4_000_000) == "€600,000–4,000,000")
        #expect(Language.nl.percent(0.125) == "12,5 %")
        #expect(Language.en.percent(0.125) == "12.5 %")
        #expect(Language.en.percent(0.3, decimals: 0) == "30 %")
    }

    @Test func decimalsRoundAndPad() {
        #expect(Language.en.number(1234.56, decimals: 1) == "1,234.6")
        #expect(Language.nl.number(1234.56, decimals: 1) == "1.234,6")
        #expect(Language.en.number(0.05, decimals: 2) == "0.05")
        #expect(Language.en.number(9.999, decimals: 2) == "10.00")
        #expect(Language.en.number(-0.04, decimals: 1) == "0.0")
        #expect(Language.en.number(-2.25, decimals: 1) == "-2.3")
        #expect(Language.nl.kilometres(400) == "0,4 km")
        #expect(Language.en.kilometres(12_345) == "12.3 km")
    }

    @Test func countsPickSingularOrPlural() {
        #expect(Language.en.count(1, "school", "schools") == "1 school")
        #expect(Language.en.count(2, "school", "schools") == "2 schools")
        #expect(Language.nl.count(1, "school", "scholen") == "1 school")
        #expect(Language.nl.count(1200, "school", "scholen") == "1.200 scholen")
        #expect(Language.en.count(0, "warning", "warnings") == "0 warnings")
    }

    @Test func languageNamesAreReadInAnyCase() {
        #expect(Language(named: "NL") == .nl)
        #expect(Language(named: "en") == .en)
        #expect(Language(named: "de") == nil)
    }
}
