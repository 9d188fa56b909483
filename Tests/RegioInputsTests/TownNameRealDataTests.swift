import Foundation
@testable import RegioDomain
import RegioInputs
import RegioTestSupport
import Testing

/// ``DutchPlaceName/display(_:)`` on every town of DUO's real register and every municipality name of the CBS map
/// (../shared/geodata; skipped without it).
@Suite(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
struct TownNameRealDataTests {
    @Test func everyTownOfTheRegisterIsWrittenSensibly() throws {
        let dataset = try Fixtures.realDataset()
        let towns = Set(dataset.register.schools.map(\.town)).filter { !$0.isEmpty }
        #expect(towns.count > 300)
        for town in towns {
            let written = DutchPlaceName.display(town)
            // The same letters, in the same order; only the case changes (and a province suffix becomes CBS's
            // abbreviation in parentheses: "STEIN LB" → "Stein (L.)").
            let parts = written.components(separatedBy: " (")
            let nameLetters = parts[0].uppercased().filter(\.isLetter), townLetters = town.uppercased().filter(\.isLetter)
            let sameLetters = parts.count == 1 ? nameLetters == townLetters : townLetters.hasPrefix(nameLetters)
            #expect(sameLetters, "\(town) → \(written)")
            let hasLowerCase = written.contains { $0.isLowercase }
            #expect(hasLowerCase, "\(town) → \(written)")
            // Every word starts with a capital, except particles inside the name and the prefixes 's and 't.
            for (i, word) in written.split(separator: " ").enumerated() {
                let first = word.first { $0.isLetter }
                let lowerAllowed = word == "'s" || word.hasPrefix("'s-") || word == "'t" || word == "a/d"
                    || (i > 0 && ["aan", "bij", "de", "den", "der", "en", "het", "in", "op", "te", "ten", "ter", "van"].contains(String(word)))
                #expect(lowerAllowed || first?.isUppercase == true, "\(town) → \(written): '\(word)'")
                // No word in capitals but the IJ digraph and a province abbreviation in parentheses.
                let shouted = word.count > 2 && word == word.uppercased() && !word.hasPrefix("(")
                #expect(!shouted, "\(town) → \(written)")
            }
        }
    }

    @Test func aTownThatIsAMunicipalityIsWrittenAsTheMapWritesIt() throws {
        let dataset = try Fixtures.realDataset()
        let names = dataset.map.municipalities.map(\.name)
        // Every municipality name in capitals comes back as the map writes it (Bergen (NH.), 's-Hertogenbosch, …).
        for name in names { #expect(DutchPlaceName.display(name.uppercased()) == name) }
        // And a register town that is a municipality's name is written as that name.
        let byCapitals = Dictionary(names.map { ($0.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for town in Set(dataset.register.schools.map(\.town)) {
            guard let name = byCapitals[town] else { continue }
            compared += 1
            #expect(DutchPlaceName.display(town) == name)
        }
        #expect(compared > 150, "most towns with a school are a municipality's main town")
    }

    @Test func theASCIIPathWritesEveryRealNameAsTheCharacterPathDoes() throws {
        let dataset = try Fixtures.realDataset()
        let names = Set(dataset.register.schools.map(\.town) + dataset.map.municipalities.map { $0.name.uppercased() })
        var ascii = 0
        for name in names {
            guard let fast = ASCIIPlaceName.display(name) else { continue }
            ascii += 1
            #expect(fast == DutchPlaceName.displayByCharacter(name), "\(name)")
        }
        #expect(ascii > names.count * 9 / 10, "nearly every real name is ASCII")
    }
}
