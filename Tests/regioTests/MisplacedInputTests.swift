import Foundation
import Testing

/// A file passed under the wrong option is named for what it is and where it belongs, and a malformed
/// school code says which character is wrong: exit 2, one line, before anything is read or written.
@Suite struct MisplacedInputTests {
    let scratch = Scratch()
    static let square = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM9001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[5.0,52.0],[5.2,52.0],[5.2,52.2],[5.0,52.2],[5.0,52.0]]]}}]}"#

    /// The real files of ../shared/geodata, or `nil` when it is absent.
    static func real(_ name: String) -> String? {
        RegioProcess.sharedGeodata.map { $0.appendingPathComponent(name).path }
    }

    /// `regio inspect` with `file` as `option` and small valid files for the other required options.
    func inspect(_ option: String, _ file: String) throws -> RegioProcess.Output {
        var inputs = ["--schools": scratch.write("ok.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n"),
                      "--municipalities": scratch.write("gemeenten.geojson", Self.square)]
        inputs[option] = file
        return try RegioProcess.run(["inspect"] + inputs.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
    }

    func expectRefusal(_ output: RegioProcess.Output, mentions fragments: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.status == 2, "exit status \(output.status): \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.split(separator: "\n").count == 1, "one line: \(output.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(output.stderr.contains(fragment), "'\(fragment)' in: \(output.stderr)", sourceLocation: sourceLocation)
        }
        #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    /// Every pair of known inputs that their headers tell apart, with the real files.
    static let realCases: [(file: String, option: String, fragments: [String])] = [
        ("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv", "--schools", ["DUO's pupil file", "pass it as --students, not --schools"]),
        ("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv", "--registrations", ["DUO's pupil file", "pass it as --students"]),
        ("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv", "--postcodes", ["DUO's pupil file", "pass it as --students"]),
        ("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv", "--municipalities", ["DUO's pupil file", "pass it as --students, not --municipalities"]),
        ("duo_vestigingen_vo_2020-12_geocoded.csv", "--students", ["school register with coordinates", "pass it as --schools, not --students"]),
        ("duo_vestigingen_vo_2020-12_geocoded.csv", "--registrations", ["school register with coordinates", "pass it as --schools"]),
        ("duo_vestigingen_vo_2020-12_geocoded.csv", "--postcodes", ["school register with coordinates", "pass it as --schools"]),
        ("duo_vestigingen_vo_2020-12_geocoded.csv", "--municipalities", ["school register with coordinates", "pass it as --schools"]),
        ("duo_alle_vestigingen_vo_2020-12.csv", "--students", ["DUO's school register", "pass it as --schools, not --students"]),
        ("duo_alle_vestigingen_vo_2020-12.csv", "--registrations", ["DUO's school register", "pass it as --schools"]),
        ("duo_alle_vestigingen_vo_2020-12.csv", "--municipalities", ["DUO's school register", "pass it as --schools"]),
        ("pc4_centroids_4pp.csv", "--schools", ["postcode centroids", "pass it as --postcodes, not --schools"]),
        ("pc4_centroids_4pp.csv", "--students", ["postcode centroids", "pass it as --postcodes"]),
        ("pc4_centroids_4pp.csv", "--municipalities", ["postcode centroids", "pass it as --postcodes"]),
        ("gemeenten_2020_wgs84.geojson", "--schools", ["GeoJSON map", "pass it as --municipalities, not --schools"]),
        ("gemeenten_2020_rd.geojson", "--students", ["GeoJSON map", "pass it as --municipalities"]),
        ("pc4_2020_rd.geojson", "--registrations", ["GeoJSON map", "pass it as --municipalities"]),
        ("gemeenten_2020_wgs84.geojson", "--postcodes", ["GeoJSON map", "pass it as --municipalities"]),
        ("gemeenten_vr_nl_2020_wgs84.topojson", "--municipalities", ["TopoJSON", "regio does not read it", "GeoJSON or GeoPackage"]),
        ("duo_vmbo_lj34_per_vestiging_leerweg_afdeling_2019.csv", "--students", ["vmbo pupils per track and profile", "regio does not read it", "leerlingen vo per vestiging"]),
        ("duo_vmbo_lj34_per_vestiging_leerweg_afdeling_2019.csv", "--schools", ["vmbo pupils per track and profile", "regio does not read it"]),
    ]

    @Test(.enabled(if: RegioProcess.sharedGeodata != nil, "needs ../shared/geodata"), arguments: realCases.indices)
    func realFileUnderTheWrongOptionIsNamed(_ index: Int) throws {
        let c = Self.realCases[index]
        expectRefusal(try inspect(c.option, try #require(Self.real(c.file))), mentions: [c.file] + c.fragments)
    }

    @Test func preRegistrationUnderTheWrongOptionIsNamed() throws {
        let registrations = scratch.write("aanmelding.csv", "regio_id;regio_naam;brin6;rol\nSTO19001;Noord;00AB01;penvoerder\n")
        for option in ["--schools", "--students", "--postcodes", "--municipalities"] {
            expectRefusal(try inspect(option, registrations), mentions: ["aanmelding.csv", "pre-registration file", "pass it as --registrations, not \(option)"])
        }
    }

    @Test func schoolsUnderTheRegistrationsOptionAreNamed() throws {
        let schools = scratch.write("scholen.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n")
        expectRefusal(try inspect("--registrations", schools), mentions: ["scholen.csv", "pass it as --schools, not --registrations"])
    }

    @Test func geoPackageUnderATableOptionIsNamed() throws {
        // A GeoPackage is an SQLite database: the file starts with the SQLite header.
        let gpkg = scratch.write("gemeenten.gpkg", bytes: Array("SQLite format 3".utf8) + [0] + [UInt8](repeating: 0, count: 84))
        for option in ["--schools", "--students", "--registrations", "--postcodes"] {
            expectRefusal(try inspect(option, gpkg), mentions: ["gemeenten.gpkg", "GeoPackage", "pass it as --municipalities, not \(option)"])
        }
    }

    @Test func unknownTableAsMapIsRefusedAsNotAMap() throws {
        let table = scratch.write("tabel.csv", "naam;waarde\nA;1\n")
        expectRefusal(try inspect("--municipalities", table), mentions: ["tabel.csv", "CSV table, not a map", "GeoJSON or GeoPackage"])
    }

    @Test func malformedCodeInTheRegisterNamesTheCharacter() throws {
        let path = scratch.write("letter.csv", "brin6;lat;lon\n02VJ0O;52.1;5.1\n")
        expectRefusal(try inspect("--schools", path),
                      mentions: ["letter.csv:2", "'02VJ0O'", "character 6 is the letter 'O' where a digit is expected", "the digit 0?"])
        let short = scratch.write("short.csv", "brin6;lat;lon\n00AB1;52.1;5.1\n")
        expectRefusal(try inspect("--schools", short), mentions: ["short.csv:2", "'00AB1'", "it has 5 characters, expected 6", "like 00AB01"])
        let digit = scratch.write("digit.csv", "brin6;lat;lon\n0001 01;52.1;5.1\n")
        expectRefusal(try inspect("--schools", digit), mentions: ["digit.csv:2", "it has 7 characters"])
    }

    @Test func malformedCodeInThePupilFileNamesTheCharacter() throws {
        let header = "BRIN NUMMER;VESTIGINGSNUMMER;ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR;AFDELING;LEER- OF VERBLIJFSJAAR 3 - MAN\n"
        let path = scratch.write("leerlingen.csv", header + "0OAB;01;VMBO BL lj 3-4;Bouwen, wonen en interieur;4\n")
        expectRefusal(try inspect("--students", path),
                      mentions: ["leerlingen.csv:2", "'0OAB01'", "character 2 is the letter 'O' where a digit is expected"])
    }
}
