import RegioDomain

/// Pre-registrations: one row per region and school, `regio_id;regio_naam;brin6;rol` with `rol`
/// `penvoerder` (lead) or `deelnemer` (member); a CSV file (comma or semicolon separated) or a sheet of an XLSX
/// workbook with the same columns, header names in any case. Blank rows are skipped. A row with an empty
/// `brin6` declares a region that has no school yet. Malformed codes are kept for the audit to report.
public enum RegistrationReader {
    /// The columns of a pre-registration, in their order.
    public static let columns = ["regio_id", "regio_naam", "brin6", "rol"]

    /// - Parameter sheet: the worksheet of a workbook (the first visible one when `nil`); a CSV file takes none.
    public static func read(_ path: String, sheet: String? = nil, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> Registration {
        try Registration(rows: readRows(path, sheet: sheet, maximumBytes: maximumBytes))
    }

    /// The registration and what was read (``TextTable/origin``: the CSV's separator and encoding, or the sheet
    /// of a workbook, which `--sheet` may leave to the first visible one).
    public static func readWithOrigin(_ path: String, sheet: String? = nil, maximumBytes: Int = InputFile.defaultMaximumBytes)
        throws(InputError) -> (registration: Registration, origin: String) {
        let table = try table(path, sheet: sheet, maximumBytes: maximumBytes)
        return (try Registration(rows: rows(of: table)), table.origin)
    }

    /// The rows as written, with their line numbers (a workbook's row numbers).
    /// - Throws: ``InputError`` for missing columns, an empty region id, an unknown role, or a region
    ///   with two leads.
    public static func readRows(_ path: String, sheet: String? = nil, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> [RegistrationRow] {
        try rows(of: table(path, sheet: sheet, maximumBytes: maximumBytes))
    }

    /// The table of `path`: its `sheet` when it is a workbook (told by its first bytes, or an `.xlsx` name), else CSV.
    static func table(_ path: String, sheet: String?, maximumBytes: Int) throws(InputError) -> any TextTable {
        let bytes = try InputFile.bytes(path, maximumBytes: maximumBytes)
        let isWorkbook = bytes.starts(with: Workbook.zipMagic) || bytes.starts(with: Workbook.compoundFileMagic)
            || [".xlsx", ".xlsm", ".xls"].contains { path.lowercased().hasSuffix($0) }
        if isWorkbook {
            return try SheetTable(parsing: bytes, file: path, sheet: sheet, maximumBytes: maximumBytes)
        }
        if let sheet {
            throw InputError(.badValue, file: path, message: "--sheet '\(sheet)' names a sheet of a workbook, but this is a CSV file: leave --sheet out, or pass the .xlsx workbook")
        }
        return try CSVTable(parsing: bytes, file: path, expecting: columns)
    }

    /// The registration rows of `table`.
    static func rows(of table: any TextTable) throws(InputError) -> [RegistrationRow] {
        let id = try table.requireColumn("regio_id", purpose: "the registration number, e.g. STO19042")
        let name = table.column("regio_naam")
        let code = try table.requireColumn("brin6", purpose: "the 6-character school code")
        let role = table.column("rol")
        var rows: [RegistrationRow] = []
        var leads: [String: (code: String, row: Int)] = [:]
        for r in table.rowIndices {
            let line = table.lines[r]
            let regionID = table.field(r, id)
            guard !regionID.isEmpty else {
                throw table.error(.badValue, row: r, column: id, message: "regio_id is empty: every row names its region, e.g. STO19042")
            }
            let roleText = role.map { table.field(r, $0).lowercased() } ?? ""
            let parsedRole: RegistrationRow.Role
            switch roleText {
            case "penvoerder", "lead": parsedRole = .lead
            case "deelnemer", "member", "": parsedRole = .member
            default:
                throw table.error(.badValue, row: r, column: role ?? 0,
                                  message: "rol '\(roleText)' is not a role: expected 'penvoerder' (lead) or 'deelnemer' (member)")
            }
            let schoolText = table.field(r, code)
            if parsedRole == .lead {
                if let earlier = leads[regionID], earlier.code != schoolText {
                    throw table.error(.badValue, row: r, column: role ?? 0,
                                      message: "region \(regionID) names a second penvoerder '\(schoolText)' (the first, '\(earlier.code)', is on \(table.rowName(earlier.row))): a region has one lead")
                }
                leads[regionID] = (schoolText, r)
            }
            rows.append(RegistrationRow(regionID: RegionID(regionID), regionName: name.map { table.field(r, $0) } ?? "",
                                        schoolCode: schoolText, role: parsedRole, line: line))
        }
        return rows
    }
}
