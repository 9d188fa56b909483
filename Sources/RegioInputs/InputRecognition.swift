import Foundation

/// The input files regio knows, told apart by their first bytes (a CSV header row, a JSON `type`, the
/// SQLite header), so that a file passed under the wrong option is refused with what it looks like and
/// where it belongs ("this looks like DUO's pupil file: pass it as --students") instead of a puzzling error
/// from the reader that expected something else.
public enum InputKind: Sendable, CaseIterable {
    case duoSchoolRegister, geocodedSchoolRegister, duoPupilFile, vmboPupilTable, preRegistrations
    case postcodeCentroids, geoJSON, topoJSON, geoPackage, xlsxWorkbook

    /// What the file is, in the words of its publisher.
    public var description: String {
        switch self {
        case .duoSchoolRegister: "DUO's school register ('alle vestigingen vo')"
        case .geocodedSchoolRegister: "a school register with coordinates (brin6 with lat/lon or rd_x/rd_y)"
        case .duoPupilFile: "DUO's pupil file ('leerlingen vo per vestiging naar onderwijstype')"
        case .vmboPupilTable: "a table of vmbo pupils per track and profile (brin6, leerweg, afdeling, lj3, lj4)"
        case .preRegistrations: "a pre-registration file (regio_id, regio_naam, brin6, rol)"
        case .postcodeCentroids: "a table of postcode centroids (postcode, latitude, longitude)"
        case .geoJSON: "a GeoJSON map"
        case .topoJSON: "a TopoJSON map"
        case .geoPackage: "a GeoPackage"
        case .xlsxWorkbook: "an XLSX workbook"
        }
    }

    /// The option that takes such a file; `nil` for a file regio does not read.
    public var option: InputOption? {
        switch self {
        case .duoSchoolRegister, .geocodedSchoolRegister: .schools
        case .duoPupilFile: .students
        case .preRegistrations, .xlsxWorkbook: .registrations
        case .postcodeCentroids: .postcodes
        case .geoJSON, .geoPackage: .municipalities
        case .vmboPupilTable, .topoJSON: nil
        }
    }

    /// The kind of the file that starts with `head` (its first few kilobytes), or `nil` when it is none
    /// that regio knows (the reader for the option then says what it misses).
    public static func recognise(_ head: [UInt8]) -> InputKind? {
        if head.starts(with: GeoPackagePolygonLayer.sqliteMagic) { return .geoPackage }
        if head.starts(with: Workbook.zipMagic) { return .xlsxWorkbook }
        var body = head[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let start = body.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if start.first == UInt8(ascii: "{") {
            let text = String(decoding: start, as: UTF8.self).filter { !$0.isWhitespace }
            if text.contains(#""type":"Topology""#) { return .topoJSON }
            if text.contains(#""type":"FeatureCollection""#) || text.contains(#""type":"Feature""#) { return .geoJSON }
            return nil
        }
        let line = body.prefix { $0 != 0x0A && $0 != 0x0D }
        // Latin-1 and UTF-8 headers agree on the ASCII column names looked for here.
        let header = String(decoding: line.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        let separator: Character = header.filter { $0 == ";" }.count >= header.filter { $0 == "," }.count ? ";" : ","
        let columns = Set(header.split(separator: separator).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"")).lowercased()
        })
        return recognise(columns: columns)
    }

    /// The kind of a table with these (lowercased) column names.
    static func recognise(columns: Set<String>) -> InputKind? {
        func has(_ names: String...) -> Bool { names.allSatisfy(columns.contains) }
        let latLon = has("lat", "lon") || has("latitude", "longitude")
        if has("brin nummer", "vestigingsnummer") && columns.contains(where: { $0.hasPrefix("onderwijstype") }) {
            return .duoPupilFile
        }
        if has("regio_id") { return .preRegistrations }
        if has("brin6", "leerweg", "afdeling") && (has("lj3") || has("lj4")) { return .vmboPupilTable }
        if has("brin6") && (latLon || has("rd_x", "rd_y")) { return .geocodedSchoolRegister }
        if has("vestigingsnummer", "vestigingsnaam") && (has("gemeentenummer") || has("postcode")) { return .duoSchoolRegister }
        if has("postcode") && latLon && !has("brin6") && !has("vestigingsnummer") { return .postcodeCentroids }
        return nil
    }
}

/// An option of regio that names an input file, and the kinds of file it takes.
public enum InputOption: String, Sendable, CaseIterable {
    case schools, students, municipalities, registrations, postcodes

    /// "--students".
    public var flag: String { "--\(rawValue)" }

    /// What the option takes, for messages.
    public var takes: String {
        switch self {
        case .schools: "a school register (DUO's 'alle vestigingen vo', or a CSV with brin6 and coordinates)"
        case .students: "DUO's pupil file ('leerlingen vo per vestiging naar onderwijstype')"
        case .municipalities: "a map of polygons (GeoJSON or GeoPackage)"
        case .registrations: "the pre-registrations (regio_id, regio_naam, brin6, rol)"
        case .postcodes: "postcode centroids (postcode, latitude, longitude)"
        }
    }

    /// Refuses the file at `path` when its first bytes show it is another kind of input than this option
    /// takes: names what it looks like and the option it belongs to. An unreadable or unknown file passes
    /// (its reader reports it).
    /// - Throws: ``InputError`` of kind `wrongFile`.
    public func refuseOtherKind(_ path: String) throws(InputError) {
        guard let head = Self.head(of: path) else { return }
        let kind = InputKind.recognise(head)
        if let kind, kind.option == self { return }
        if kind == .xlsxWorkbook {
            throw InputError(.wrongFile, file: path, message: "this is an XLSX workbook: regio reads workbooks only as --registrations; save the sheet as CSV for \(flag)")
        }
        if let kind {
            let advice = kind.option.map { "pass it as \($0.flag), not \(flag)" } ?? "regio does not read it; \(flag) takes \(takes)"
            throw InputError(.wrongFile, file: path, message: "this looks like \(kind.description): \(advice)")
        }
        // A map option given a text table regio does not recognise.
        if self == .municipalities, Self.isDelimitedText(head) {
            throw InputError(.wrongFile, file: path, message: "this looks like a CSV table, not a map: \(flag) takes \(takes)")
        }
    }

    /// The first 8 KB of the file, or `nil` when it cannot be opened.
    static func head(of path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 8_192)).map { [UInt8]($0) }
    }

    /// Whether `head` is text whose first line is separated by `;` or `,` (and not JSON or SQLite).
    static func isDelimitedText(_ head: [UInt8]) -> Bool {
        let line = head.prefix { $0 != 0x0A && $0 != 0x0D }
        guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }), first != UInt8(ascii: "{"),
              first != UInt8(ascii: "["), !line.contains(0) else { return false }
        return line.contains(UInt8(ascii: ";")) || line.contains(UInt8(ascii: ","))
    }
}

extension InputPaths {
    /// Refuses any given file that is another kind of input than its option takes
    /// (``InputOption/refuseOtherKind(_:)``), before anything is read.
    func refuseFilesOfAnotherKind() throws(InputError) {
        let given: [(InputOption, String?)] = [(.schools, schools), (.students, students), (.municipalities, municipalities),
                                               (.registrations, registrations), (.postcodes, postcodes)]
        for case let (option, path?) in given { try option.refuseOtherKind(path) }
    }
}
