@testable import RegioDomain
import RegioSpatial
import Testing

/// Town names as people write them, from DUO's capitals (``DutchPlaceName/display(_:)``).
@Suite struct DutchPlaceNameTests {
    @Test(arguments: [
        ("ENSCHEDE", "Enschede"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("'S-GRAVENHAGE", "'s-Gravenhage"),
        ("'T ZANDT", "'t Zandt"),
        ("BERGEN OP ZOOM", "Bergen op Zoom"),
        ("IJSSELSTEIN", "IJsselstein"),
        ("IJMUIDEN", "IJmuiden"),
        ("RIJSWIJK", "Rijswijk"),
        ("DEN HAAG", "Den Haag"),
        ("TER APEL", "Ter Apel"),
        ("HET HOGELAND", "Het Hogeland"),
        ("HARDINXVELD-GIESSENDAM", "Hardinxveld-Giessendam"),
        ("ALPHEN AAN DEN RIJN", "Alphen aan den Rijn"),
        ("CAPELLE AAN DEN IJSSEL", "Capelle aan den IJssel"),
        ("WIJK BIJ DUURSTEDE", "Wijk bij Duurstede"),
        ("BERKEL EN RODENRIJS", "Berkel en Rodenrijs"),
        ("HOF VAN TWENTE", "Hof van Twente"),
        ("VALKENBURG AAN DE GEUL", "Valkenburg aan de Geul"),
        ("REUSEL-DE MIERDEN", "Reusel-De Mierden"),
        ("NUENEN, GERWEN EN NEDERWETTEN", "Nuenen, Gerwen en Nederwetten"),
        ("ST.-ANNAPAROCHIE", "St.-Annaparochie"),
        ("BERGEN NH", "Bergen (NH.)"),
        ("BERGEN (L.)", "Bergen (L.)"),
        ("EDE GLD", "Ede (Gld.)"),
        ("IJSSELSTEIN UT", "IJsselstein (Ut.)"),
        ("NIEUWERKERK AD IJSSEL", "Nieuwerkerk a/d IJssel"),
        ("SÚDWEST-FRYSLÂN", "Súdwest-Fryslân"),
        ("  EMMEN  ", "Emmen"),
        ("", ""),
    ])
    func capitalsBecomeTheWrittenName(_ register: String, _ written: String) {
        #expect(DutchPlaceName.display(register) == written)
    }

    @Test func aNameWrittenByAPersonIsKept() {
        #expect(DutchPlaceName.display("Bergen op Zoom") == "Bergen op Zoom")
        #expect(DutchPlaceName.display("ijsselstein") == "ijsselstein", "lower case is a person's choice")
        #expect(DutchPlaceName.display(" Den  Haag ") == "Den Haag")
    }

    @Test func theSchoolShowsItsTownAsWrittenAndKeepsTheRegistersSpelling() throws {
        let code = try #require(SchoolCode("00AB01"))
        let school = School(code: code, name: "Het College", town: "BERGEN OP ZOOM", location: nil, placement: .unplaced)
        #expect(school.town == "BERGEN OP ZOOM")
        #expect(school.townDisplayName == "Bergen op Zoom")
        #expect(school.label == "00AB01 (Het College, Bergen op Zoom)")
    }

    /// The byte path for ASCII names (``ASCIIPlaceName``) writes what the `Character` path writes: on awkward
    /// cases, and on 20,000 seeded random names from the letters, separators and particles that matter.
    @Test func theASCIIPathWritesWhatTheCharacterPathWrites() {
        let awkward = ["AD", "AD IJSSEL", "IJ", "I", "'S", "'T", "'S-", "-", "--A", "A--B", ".", "ST..A", "A.B.C",
                       "BERGEN (NH.)", "BERGEN (XX)", "NH", "NH NH", "L", "A L", "EMMEN\tDR", "EMMEN\r\nL",
                       "A\u{0B}B\u{0C}C", "DE DE DE", "VAN-DER", "A-DE", "IJ-IJ IJ-IJ", "123 AB", "a", "EMMEn"]
        for name in awkward {
            #expect(ASCIIPlaceName.display(name) == DutchPlaceName.displayByCharacter(name), "\(name)")
        }
        let pieces = ["A", "IJ", "DE", "AAN", "AD", "'S", "'T", "-", ".", " ", "  ", "\t", "(", ")", "NH", "GLD", "L",
                      "ZOOM", "ST", "e", "X"]
        var generator = SplitMix64(seed: 13)
        for _ in 0..<20_000 {
            let name = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(ASCIIPlaceName.display(name) == DutchPlaceName.displayByCharacter(name), "\(name)")
        }
        #expect(ASCIIPlaceName.display("SÚDWEST-FRYSLÂN") == nil, "a byte outside ASCII takes the Character path")
    }
}
