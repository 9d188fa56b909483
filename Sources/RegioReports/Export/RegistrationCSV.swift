import RegioDomain

/// A pre-registration written as the file ``RegistrationReader`` reads: `regio_id;regio_naam;brin6;rol`,
/// semicolon-separated (as DUO's files), UTF-8, one row per region and school: the lead (`penvoerder`) first,
/// then the members (`deelnemer`) in the region's order, codes that are not well-formed as written; a region
/// without schools is one row with an empty `brin6`. Fields holding `;`, `"` or a line break are quoted (RFC 4180).
public enum RegistrationCSV {
    /// The CSV text of `registration`, ending in a line break.
    public static func text(_ registration: Registration) -> String {
        var out = "regio_id;regio_naam;brin6;rol\n"
        for row in rows(registration) {
            out += [row.regionID.rawValue, row.regionName, row.schoolCode, row.role.rawValue].map(field).joined(separator: ";") + "\n"
        }
        return out
    }

    /// The rows of `registration` in the order the file lists them (`line` counting the header as 1): the
    /// lead first, then the members in the region's order, codes that are not well-formed as written; a
    /// region without schools is one row with an empty `brin6`. ``RegistrationWorkbook`` writes the same rows.
    public static func rows(_ registration: Registration) -> [RegistrationRow] {
        var rows: [RegistrationRow] = []
        func row(_ region: Region, _ code: String, _ role: RegistrationRow.Role) {
            rows.append(RegistrationRow(regionID: region.id, regionName: region.name, schoolCode: code, role: role,
                                        line: rows.count + 2))
        }
        for region in registration.regions {
            if let lead = region.lead { row(region, lead.rawValue, .lead) }
            else if let malformed = region.malformedLead { row(region, malformed, .lead) }
            for code in region.schools where code != region.lead { row(region, code.rawValue, .member) }
            for code in region.malformedCodes where code != region.malformedLead { row(region, code, .member) }
            if !region.namesLead && region.schools.isEmpty && region.malformedCodes.isEmpty { row(region, "", .member) }
        }
        return rows
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
