import RegioDomain

/// Pre-registrations: one row per region and school, `regio_id;regio_naam;brin6;rol` with `rol`
/// `penvoerder` (lead) or `deelnemer` (member); comma or semicolon separated. A row with an empty
/// `brin6` declares a region that has no school yet. Malformed codes are kept for the audit to report.
public enum RegistrationReader {
    public static func read(_ path: String, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> Registration {
        try Registration(rows: readRows(path, maximumBytes: maximumBytes))
    }

    /// The rows as written, with their line numbers.
    /// - Throws: ``InputError`` for missing columns, an empty region id, an unknown role, or a region
    ///   with two leads.
    public static func readRows(_ path: String, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> [RegistrationRow] {
        let table = try CSVTable.read(path, expecting: ["regio_id", "regio_naam", "brin6", "rol"], maximumBytes: maximumBytes)
        let id = try table.requireColumn("regio_id", purpose: "the registration number, e.g. STO19042")
        let name = table.column("regio_naam")
        let code = try table.requireColumn("brin6", purpose: "the 6-character school code")
        let role = table.column("rol")
        var rows: [RegistrationRow] = []
        var leads: [String: (code: String, line: Int)] = [:]
        for r in table.rowIndices {
            let line = table.lines[r]
            let regionID = table.field(r, id)
            guard !regionID.isEmpty else {
                throw InputError(.badValue, file: path, line: line, message: "regio_id is empty: every row names its region, e.g. STO19042")
            }
            let roleText = role.map { table.field(r, $0).lowercased() } ?? ""
            let parsedRole: RegistrationRow.Role
            switch roleText {
            case "penvoerder", "lead": parsedRole = .lead
            case "deelnemer", "member", "": parsedRole = .member
            default:
                throw InputError(.badValue, file: path, line: line,
                                 message: "rol '\(roleText)' is not a role: expected 'penvoerder' (lead) or 'deelnemer' (member)")
            }
            let schoolText = table.field(r, code)
            if parsedRole == .lead {
                if let earlier = leads[regionID], earlier.code != schoolText {
                    throw InputError(.badValue, file: path, line: line,
                                     message: "region \(regionID) names a second penvoerder '\(schoolText)' (the first, '\(earlier.code)', is on line \(earlier.line)): a region has one lead")
                }
                leads[regionID] = (schoolText, line)
            }
            rows.append(RegistrationRow(regionID: RegionID(regionID), regionName: name.map { table.field(r, $0) } ?? "",
                                        schoolCode: schoolText, role: parsedRole, line: line))
        }
        return rows
    }
}
