import Foundation
import Testing
@testable import RegioDomain

/// ``RegionID`` and ``SortedPair``: ids kept as written, ids typed by a person in any case, plain JSON strings.
@Suite struct RegionIDTests {
    @Test func anIdIsKeptExactlyAsWritten() {
        #expect(RegionID(" sto19001").rawValue == " sto19001")
        #expect(RegionID("sto19001").problem == "it does not start with STO")
        #expect(RegionID("STO19001").problem == nil)
    }

    @Test(arguments: [("sto19002", "STO19002"), ("Sto19002", "STO19002"), (" STO19002\t", "STO19002"),
                      ("STO19002", "STO19002"), ("sto1900", "sto1900"), (" Regio Noord ", "Regio Noord")])
    func aTypedIdAcceptsAnyCaseOfARegistrationNumber(typed: String, id: String) {
        #expect(RegionID(typed: typed).rawValue == id)
    }

    @Test func aTypedIdMatchesTheIdAsWrittenFirst() {
        let known: Set<RegionID> = ["STO19002", "sto19003"]
        #expect(RegionID.typed("sto19002", knownBy: known.contains) == "STO19002")
        // A malformed id of the pre-registration can still be chosen as written.
        #expect(RegionID.typed(" sto19003 ", knownBy: known.contains) == "sto19003")
        #expect(RegionID.typed("STO19003", knownBy: known.contains) == nil)
        #expect(RegionID.typed("sto19004", knownBy: known.contains) == nil)
    }

    @Test func orderIsTheTextsOrder() {
        let texts = ["STO19010", "STO19002", "sto19001", "STO1900", "Åland", ""]
        #expect(texts.map { RegionID($0) }.sorted().map(\.rawValue) == texts.sorted())
    }

    @Test func encodesAsAPlainStringAndAsAPlainKey() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode([RegionID("STO19001")]), as: UTF8.self) == #"["STO19001"]"#)
        let keyed: [RegionID: Int] = ["STO19002": 2, "STO19001": 1]
        #expect(String(decoding: try encoder.encode(keyed), as: UTF8.self) == #"{"STO19001":1,"STO19002":2}"#)
        let back = try JSONDecoder().decode([RegionID: Int].self, from: Data(#"{"sto19001":1}"#.utf8))
        #expect(back == ["sto19001": 1])
    }

    @Test func describesItselfAsItsText() {
        let ids: [RegionID] = ["STO19001", "STO19002"]
        #expect("\(ids[0])" == "STO19001")
        #expect("\(ids)" == #"["STO19001", "STO19002"]"#)
        #expect(ids.joined(separator: ", ") == "STO19001, STO19002")
        #expect([RegionID(""), "", "STO19003"].joined(separator: ",") == ",,STO19003")
        #expect([RegionID]().joined(separator: ",") == "")
    }

    @Test func aPairIsTheSameFromEitherSide() {
        let pair = RegionPair("STO19002", "STO19001")
        #expect(pair == RegionPair("STO19001", "STO19002"))
        #expect(pair.first == "STO19001" && pair.second == "STO19002")
        #expect(pair.contains("STO19002") && !pair.contains("STO19003"))
        #expect(pair.partner(of: "STO19001") == "STO19002")
        #expect(Set([pair, RegionPair("STO19001", "STO19002"), RegionPair("STO19001", "STO19003")]).count == 2)
    }
}
