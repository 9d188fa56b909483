import Foundation
import Testing
import RegioDomain
@testable import RegioFormats

/// Merger and move suggestions on the real data, with the planted cases of Tests/oracle/real.
@Suite(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
struct SuggestionRealDataTests {
    static let registration = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("oracle/real/registration.csv").path

    @Test func carvedOutRegionMergesBackAndFarAwaySchoolMovesBack() throws {
        let dataset = try Dataset(loading: InputPaths(
            schools: Fixtures.sharedGeodata("duo_vestigingen_vo_2020-12_geocoded.csv"),
            students: Fixtures.sharedGeodata("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"),
            municipalities: Fixtures.sharedGeodata("gemeenten_2020_wgs84.geojson"),
            registrations: Self.registration))
        let (result, _) = try dataset.audit(catchments: try dataset.catchments())
        // STO19042 is two schools carved out of the middle of STO19023 (Amsterdam).
        let carved = result.suggestions.filter { $0.kind == .merge && $0.regions.first == "STO19042" }
        #expect(carved.first?.regions == ["STO19042", "STO19023"], "first choice: \(carved.map(\.regions))")
        #expect(carved.first.map { $0.resolvedFindings.contains("part-of-larger-area") } == true)
        #expect(carved.first?.resultingFigures?.schools.contains("21ET02") == true)
        // 02XQ00 (Schiermonnikoog) was moved from STO19004 into the far-away STO19039.
        let back = result.suggestions.filter { $0.kind == .move && $0.schools == ["02XQ00"] }
        #expect(back.first?.regions == ["STO19039", "STO19004"], "\(back.map(\.regions))")
        #expect(back.first.map { $0.resolvedFindings.contains("fragmented-region") } == true)
        // Suggestions are best first and carry a reason with numbers.
        #expect(result.suggestions.map(\.score) == result.suggestions.map(\.score).sorted(by: >))
        #expect(result.suggestions.allSatisfy { !$0.reason.isEmpty && $0.score >= 0 && $0.score <= 1 })
    }
}
