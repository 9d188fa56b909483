import Foundation
import RegioDomain
import RegioSpatial

/// Renders the demo files as text. Coordinates are projected from RD New (EPSG:28992) to WGS84
/// (EPSG:4326, longitude/latitude degrees) with PROJ.
enum Writers {
    /// `municipalities.geojson`: an RFC 7946 FeatureCollection, one Feature per line, with `statcode`
    /// and `statnaam`, exterior rings counter-clockwise, coordinates with 6 decimals (about 0.1 m).
    static func municipalitiesGeoJSON(_ data: DemoDataset, projection: Projection) throws -> String {
        let order = data.municipalities.indices.sorted { data.municipalities[$0].number < data.municipalities[$1].number }
        var features: [String] = []
        for index in order {
            let municipality = data.municipalities[index]
            var ring = municipality.ring
            try projection.transform(&ring)
            // RD New → WGS84 keeps orientation, but make sure: RFC 7946 wants exterior rings counter-clockwise.
            if signedArea(ring) < 0 { ring.reverse() }
            if let first = ring.first { ring.append(first) }
            let coordinates = ring.map { "[\(decimal($0.x, 6)),\(decimal($0.y, 6))]" }.joined(separator: ",")
            features.append("{\"type\":\"Feature\",\"properties\":{\"statcode\":\(json(municipality.statcode)),"
                            + "\"statnaam\":\(json(municipality.name))},"
                            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(coordinates)]]}}")
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// `schools.csv`: `brin6;naam;plaatsnaam;postcode;gemeentenummer;onderwijsstructuur;lat;lon`,
    /// UTF-8, sorted by code; lat/lon with 6 decimals, empty for the schools readers must place by postcode.
    static func schoolsCSV(_ data: DemoDataset, projection: Projection) throws -> String {
        var points = data.schools.map(\.position)
        try projection.transform(&points)
        var lines = ["brin6;naam;plaatsnaam;postcode;gemeentenummer;onderwijsstructuur;lat;lon"]
        for index in data.schools.indices.sorted(by: { data.schools[$0].code < data.schools[$1].code }) {
            let school = data.schools[index]
            let place = data.settlements[school.settlement].name.uppercased()
            let latitude = school.omitsCoordinates ? "" : decimal(points[index].y, 6)
            let longitude = school.omitsCoordinates ? "" : decimal(points[index].x, 6)
            lines.append([school.code, school.name, place, school.postcode,
                          data.municipalities[school.municipality].gemeentenummer, school.structure, latitude, longitude]
                .joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `postcodes.csv`: the layout of the 4pp PC4 centroid file (comma-separated, text quoted,
    /// latitude/longitude with 7 decimals).
    static func postcodesCSV(_ data: DemoDataset, projection: Projection) throws -> String {
        var points = data.postcodes.map(\.centroid)
        try projection.transform(&points)
        var lines = ["id,postcode,\"woonplaats\",\"alternatieve_schrijfwijzen\",\"gemeente\",\"provincie\",\"netnummer\",latitude,longitude,\"soort\""]
        for (index, area) in data.postcodes.enumerated() {
            let settlement = data.settlements[area.settlement]
            let municipality = data.municipalities[settlement.municipality]
            let quoted = [settlement.name, "", municipality.name, municipality.province, municipality.areaCode]
                .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            lines.append(([String(index + 1), String(area.code)] + quoted
                          + [decimal(points[index].y, 7), decimal(points[index].x, 7), "\"\(area.kind)\""]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header of DUO's "leerlingen vo per vestiging naar onderwijstype".
    static let pupilHeader = (["BRIN NUMMER", "VESTIGINGSNUMMER", "INSTELLINGSNAAM VESTIGING", "PLAATSNAAM VESTIGING",
                               "PROVINCIE VESTIGING", "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", "VMBO SECTOR",
                               "AFDELING", "ELEMENTCODE", "OPLEIDINGSNAAM"]
                              + (1...6).flatMap { ["LEER- OF VERBLIJFSJAAR \($0) - MAN", "LEER- OF VERBLIJFSJAAR \($0) - VROUW"] })
        .joined(separator: ";")

    /// `students.csv`: DUO's pupil file layout exactly (semicolons, no quoting, ASCII), sorted like DUO's
    /// file by school, then ONDERWIJSTYPE, AFDELING and ELEMENTCODE.
    static func studentsCSV(_ data: DemoDataset) -> String {
        var lines = [pupilHeader]
        for index in data.schools.indices.sorted(by: { data.schools[$0].code < data.schools[$1].code }) {
            let school = data.schools[index]
            let rows = data.pupilRows[index].sorted {
                ($0.onderwijstype, $0.afdeling, $0.elementcode) < ($1.onderwijstype, $1.afdeling, $1.elementcode)
            }
            let place = data.settlements[school.settlement].name.uppercased()
            let province = data.municipalities[school.municipality].province
            let location = (school.locationNumber < 10 ? "0" : "") + String(school.locationNumber)
            for row in rows {
                lines.append(([school.institutionCode, location, school.name, place, province, row.onderwijstype,
                               row.sector, row.afdeling, row.elementcode, row.opleidingsnaam]
                              + row.counts.map(String.init)).joined(separator: ";"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `registrations.csv`: `regio_id;regio_naam;brin6;rol`.
    static func registrationsCSV(_ data: DemoDataset) -> String {
        (["regio_id;regio_naam;brin6;rol"]
         + data.registrations.map { [$0.regionID.rawValue, $0.regionName, $0.schoolCode, $0.role.rawValue].joined(separator: ";") })
            .joined(separator: "\n") + "\n"
    }

    /// Writes `text` as UTF-8 to a temporary file beside `url` and renames it into place, so that a
    /// reader never sees a half-written file.
    static func writeAtomically(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(message: "cannot move \(temporary.path) to \(url.path): \(reason)")
        }
    }

    /// `value` with exactly `places` decimals and a decimal point, whatever the locale.
    static func decimal(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Twice the signed area of a ring (positive when counter-clockwise), in squared coordinate units.
    static func signedArea(_ ring: [Point]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum
    }
}

/// A file could not be written.
struct WriteError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
