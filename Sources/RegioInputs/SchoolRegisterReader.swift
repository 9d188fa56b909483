import RegioDomain
import RegioSpatial

/// The school register: DUO "alle vestigingen vo" as published (semicolon, ISO-8859-1, space-padded, no
/// coordinates), or any CSV with a `brin6` column and coordinates as `lat`/`lon` or `rd_x`/`rd_y`.
public struct SchoolRegister: Sendable {
    /// The file as the user named it.
    public let file: String
    /// Every school of the file, in file order; schools that could not be placed have no location.
    public let schools: [School]
    /// What the coordinates came from: "lat/lon (WGS84)", "rd_x/rd_y (EPSG:28992)" or "none".
    public let coordinateColumns: String
    public let encoding: String
    /// Approximately placed and unplaced schools.
    public let problems: [InputProblem]
}

public enum SchoolRegisterReader {
    /// Reads the register at `path`. Schools without coordinates are placed at their PC4 centroid when
    /// `postcodes` has it (and reported as approximately placed); otherwise reported as unplaced.
    ///
    /// - Throws: ``InputError`` for a missing code column, a malformed or duplicate code, a non-numeric or
    ///   swapped coordinate, and every problem of ``CSVTable``.
    public static func read(_ path: String, postcodes: PostcodeTable? = nil,
                            maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> SchoolRegister {
        let table = try CSVTable.read(path, expecting: ["brin6", "lat", "lon"], maximumBytes: maximumBytes)
        return try read(table, postcodes: postcodes)
    }

    static func read(_ table: CSVTable, postcodes: PostcodeTable?) throws(InputError) -> SchoolRegister {
        let path = table.file
        // DUO's register has the 6-character code in VESTIGINGSNUMMER; other files in brin6.
        let code = try table.requireColumn("brin6", "vestigingsnummer", "vestiging", purpose: "the 6-character school code")
        let name = table.column("naam", "vestigingsnaam", "name")
        let town = table.column("plaatsnaam", "plaats", "town")
        let postcode = table.column("postcode")
        let municipality = table.column("statcode", "gemeentenummer", "gemeentecode")
        let structure = table.column("onderwijsstructuur", "structure")
        let lat = table.column("lat", "latitude"), lon = table.column("lon", "longitude", "lng")
        let rdX = table.column("rd_x", "x"), rdY = table.column("rd_y", "y")
        let useLatLon = lat != nil && lon != nil
        let useRD = !useLatLon && rdX != nil && rdY != nil

        var schools: [School] = []
        schools.reserveCapacity(table.rowCount)
        var firstLine: [SchoolCode: Int] = [:]
        var lonLat: [(school: Int, point: Point)] = []
        var problems: [InputProblem] = []

        for r in table.rowIndices {
            let line = table.lines[r]
            let codeText = table.field(r, code)
            guard let schoolCode = SchoolCode(codeText) else {
                throw InputError(.malformedCode, file: path, line: line,
                                 message: "school code '\(codeText)' is malformed: \(SchoolCode.diagnosis(codeText) ?? SchoolCode.shape)")
            }
            if let earlier = firstLine[schoolCode] {
                throw InputError(.duplicateCode, file: path, line: line,
                                 message: "school code \(schoolCode) appears twice, on lines \(earlier) and \(line): a register lists each school once")
            }
            firstLine[schoolCode] = line
            var gm = municipality.map { table.field(r, $0) }.flatMap { $0.isEmpty ? nil : $0 }
            if let g = gm, g.count == 4, g.allSatisfy(\.isNumber) { gm = "GM" + g }
            var school = School(code: schoolCode, name: name.map { table.field(r, $0) } ?? "",
                                town: town.map { table.field(r, $0) } ?? "",
                                postcode: postcode.map { table.field(r, $0) } ?? "",
                                registeredMunicipality: gm,
                                structure: structure.map { table.field(r, $0) } ?? "",
                                location: nil, placement: .unplaced)
            if useLatLon, let lat, let lon, !(table.field(r, lat).isEmpty && table.field(r, lon).isEmpty) {
                let p = try CoordinateParsing.latLon(table.field(r, lat), table.field(r, lon), file: path, line: line)
                lonLat.append((schools.count, p))
                school.placement = .coordinates
            } else if useRD, let rdX, let rdY, !(table.field(r, rdX).isEmpty && table.field(r, rdY).isEmpty) {
                school.location = try CoordinateParsing.rd(table.field(r, rdX), table.field(r, rdY), file: path, line: line)
                school.placement = .coordinates
            } else if let centroid = postcodes?.centroid(ofPostcode: school.postcode) {
                school.location = centroid
                school.placement = .postcodeCentroid
                problems.append(InputProblem(kind: "approximate-location", severity: .info, file: path, line: line,
                    message: "\(school.label) has no coordinates: placed at the centroid of postcode area \(school.postcode.prefix(4))"))
            } else {
                let why = postcodes == nil
                    ? "no coordinates, and no postcode table was given (--postcodes)"
                    : "no coordinates, and postcode '\(school.postcode)' is not in \(postcodes!.file)"
                problems.append(InputProblem(kind: "unplaced-school", severity: .warning, file: path, line: line,
                                             message: "\(school.label) cannot be placed: \(why)"))
            }
            schools.append(school)
        }
        if !lonLat.isEmpty {
            let projected = try CoordinateParsing.toRD(lonLat.map(\.point), file: path)
            for (entry, point) in zip(lonLat, projected) { schools[entry.school].location = point }
        }
        let columns = useLatLon ? "lat/lon (WGS84)" : useRD ? "rd_x/rd_y (EPSG:28992)" : "none"
        return SchoolRegister(file: path, schools: schools, coordinateColumns: columns,
                              encoding: table.encoding, problems: problems)
    }
}
