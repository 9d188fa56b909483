import Foundation
import RegioDomain
@testable import RegioInputs
import RegioSpatial
import RegioTestSupport
import Testing

/// The spatial core on the real public data in ../shared/geodata (skipped when absent).
@Suite(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
struct RealDataLoadingTests {
    let geocoded = Fixtures.sharedGeodata("duo_vestigingen_vo_2020-12_geocoded.csv") ?? ""
    let pupils = Fixtures.sharedGeodata("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv") ?? ""

    @Test(arguments: ["gemeenten_2020_wgs84.geojson", "gemeenten_2020_rd.geojson"])
    func atLeast1615SchoolsLandInTheMunicipalityDUOGives(layer: String) throws {
        let dataset = try Dataset(loading: InputPaths(schools: geocoded, municipalities: Fixtures.sharedGeodata(layer)))
        #expect(dataset.register.schools.count == 1619)
        let agreeing = dataset.register.schools.filter {
            dataset.placement.municipalityOf[$0.code] == $0.registeredMunicipality
        }.count
        #expect(agreeing >= 1615, "\(agreeing) of 1619 schools land in their own municipality")
        // The few that do not are near a border, never far out.
        #expect(dataset.placement.outside.allSatisfy { $0.distanceMeters < 1_000 })
    }

    @Test func ourRDCoordinatesMatchTheFilesWithinOneMetre() throws {
        let register = try SchoolRegisterReader.read(geocoded)
        let table = try CSVTable.read(geocoded, expecting: [])
        let x = try #require(table.column("rd_x")), y = try #require(table.column("rd_y"))
        var worst = 0.0
        for (r, school) in zip(table.rowIndices, register.schools) {
            let expected = Point(x: Double(table.field(r, x))!, y: Double(table.field(r, y))!)
            worst = max(worst, try #require(school.location).distance(to: expected))
        }
        // The file's rd_x/rd_y are rounded to 0.1 m and made with pyproj/PROJ 9.5.
        #expect(worst < 1.0, "largest difference \(worst) m")
    }

    @Test func pupilFileTotalsAndVmboSchools() throws {
        let file = try StudentCountsReader.read(pupils)
        #expect(file.totalPupils == 956_857)
        #expect(file.counts.count == 925)
        #expect(file.schoolCount == 1450)
    }

    @Test func countsAgreeWithTheDerivedPerProfileFile() throws {
        // An independent aggregation of the same DUO rows (see ../shared/geodata/README.md).
        let derivedPath = try #require(Fixtures.sharedGeodata("duo_vmbo_lj34_per_vestiging_leerweg_afdeling_2019.csv"))
        let derived = try CSVTable.read(derivedPath, expecting: [])
        let code = try #require(derived.column("brin6")), track = try #require(derived.column("leerweg"))
        let technical = try #require(derived.column("sto_techniekprofiel"))
        let lj3 = try #require(derived.column("lj3")), lj4 = try #require(derived.column("lj4"))
        var expectedCounted: [String: Int] = [:], expectedTechnical: [String: Int] = [:]
        for r in derived.rowIndices where derived.field(r, track) != "TL" {
            let n = Int(derived.field(r, lj3))! + Int(derived.field(r, lj4))!
            expectedCounted[derived.field(r, code), default: 0] += n
            if derived.field(r, technical) == "true" { expectedTechnical[derived.field(r, code), default: 0] += n }
        }
        let file = try StudentCountsReader.read(pupils)
        var mismatches = 0
        for (school, counts) in file.counts {
            if counts.countedStudents != expectedCounted[school.rawValue, default: 0]
                || counts.technicalStudents() != expectedTechnical[school.rawValue, default: 0] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(file.counts.values.reduce(0) { $0 + $1.technicalStudents() } == expectedTechnical.values.reduce(0, +))
    }

    @Test func originalDUORegisterLoadsWithPostcodeCentroids() throws {
        let dataset = try Dataset(loading: InputPaths(
            schools: Fixtures.sharedGeodata("duo_alle_vestigingen_vo_2020-12.csv"),
            municipalities: Fixtures.sharedGeodata("gemeenten_2020_wgs84.geojson"),
            postcodes: Fixtures.sharedGeodata("pc4_centroids_4pp.csv")))
        #expect(dataset.register.encoding == "ISO-8859-1")
        #expect(dataset.register.schools.count == 1619)
        let approximate = dataset.register.schools.filter { $0.placement == .postcodeCentroid }
        #expect(approximate.count > 1500)
        #expect(dataset.problems.filter { $0.kind == "approximate-location" }.count == approximate.count)
        let unplaced = dataset.register.schools.filter { $0.placement == .unplaced }
        #expect(dataset.problems.filter { $0.kind == "unplaced-school" }.count == unplaced.count)
        // Centroids are approximate: most still fall in the municipality DUO gives.
        let agreeing = approximate.filter { dataset.placement.municipalityOf[$0.code] == $0.registeredMunicipality }.count
        #expect(Double(agreeing) / Double(approximate.count) > 0.9)
        // Names with accents survive the Latin-1 decoding.
        #expect(dataset.register.schools.contains { $0.name.contains("ë") || $0.town.contains("ë") || $0.name.contains("é") })
    }

    @Test func inspectionReportCountsWhatWasLoaded() throws {
        let dataset = try Dataset(loading: InputPaths(schools: geocoded, students: pupils,
                                                      municipalities: Fixtures.sharedGeodata("gemeenten_2020_wgs84.geojson")))
        let report = InspectionReport(dataset)
        #expect(report.schools == 1619 && report.municipalities == 355)
        #expect(report.municipalityCRS == "EPSG:4326")
        #expect(report.schoolsPerMunicipality.first?.code == "GM0363")
        #expect(report.schoolsPerMunicipality.reduce(0) { $0 + $1.schools } == 1619 - report.outsideMunicipalities.count)
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        #expect(json?["schools"] as? Int == 1619)
    }
}
