import RegioDomain

/// Writes findings and region figures as the JSON their `Codable` conformances give (the same members, optional
/// ones left out when absent), by hand: the serve page receives every finding and every region's figures
/// after every edit, and Foundation's encoder took most of that time. `JSONDecoder` reads the result back as
/// the same values, and `JSONSerialization` sees the same JSON value as the encoder's (the tests check both).
public enum AuditJSON {
    /// Appends `findings` as a JSON array.
    public static func append(_ findings: [Finding], to out: inout [UInt8]) {
        array(findings, to: &out) { f, out in
            out.append(contentsOf: #"{"rule":"#.utf8)
            JSONText.appendString(f.rule.rawValue, to: &out)
            member("severity", f.severity.rawValue, to: &out)
            member("regions", f.regions, to: &out)
            member("schools", f.schools, to: &out)
            member("message", f.message, to: &out)
            if let value = f.value { member("value", value, to: &out) }
            if let subject = f.subjectRegion { member("subjectRegion", subject, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `r`, a region's figures, as a JSON object.
    public static func append(_ r: RegionFigures, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        JSONText.appendString(r.id.rawValue, to: &out)
        member("name", r.name, to: &out)
        if let lead = r.lead { member("lead", lead, to: &out) }
        member("schools", r.schools, to: &out)
        member("technicalSchools", r.technicalSchools, to: &out)
        member("countedStudents", r.countedStudents, to: &out)
        member("technicalStudents", r.technicalStudents, to: &out)
        if let share = r.technicalShare { member("technicalShare", share, to: &out) }
        key("techniekarm", to: &out)
        out.append(contentsOf: (r.techniekarm ? "true" : "false").utf8)
        if let budget = r.budgetEUR { member("budgetEUR", budget, to: &out) }
        if let range = r.budgetRangeEUR {
            key("budgetRangeEUR", to: &out)
            array(range, to: &out) { JSONText.appendReal($0, to: &$1) }
        }
        member("studentsPerProfile", r.studentsPerProfile, to: &out)
        member("studentsPerTrack", r.studentsPerTrack, to: &out)
        member("territoryAreaSquareKilometers", r.territoryAreaSquareKilometers, to: &out)
        member("municipalities", r.municipalities, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    // MARK: members (each after the first of its object)

    /// `,"name":`
    static func key(_ name: String, to out: inout [UInt8]) {
        out.append(contentsOf: #",""#.utf8)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: #"":"#.utf8)
    }

    static func member(_ name: String, _ value: String, to out: inout [UInt8]) {
        key(name, to: &out)
        JSONText.appendString(value, to: &out)
    }

    static func member(_ name: String, _ value: Int, to out: inout [UInt8]) {
        key(name, to: &out)
        JSONText.appendInteger(value, to: &out)
    }

    /// A real number in its shortest round-trip form; `null` when not finite (the encoder refuses those).
    static func member(_ name: String, _ value: Double, to out: inout [UInt8]) {
        key(name, to: &out)
        JSONText.appendReal(value, to: &out)
    }

    static func member(_ name: String, _ values: [String], to out: inout [UInt8]) {
        key(name, to: &out)
        array(values, to: &out) { JSONText.appendString($0, to: &$1) }
    }

    /// A region id as the plain string it encodes as.
    static func member(_ name: String, _ value: RegionID, to out: inout [UInt8]) { member(name, value.rawValue, to: &out) }

    static func member(_ name: String, _ values: [RegionID], to out: inout [UInt8]) {
        key(name, to: &out)
        array(values, to: &out) { JSONText.appendString($0.rawValue, to: &$1) }
    }

    /// A dictionary as an object, keys sorted (the encoder's order is the dictionary's, which is arbitrary).
    static func member(_ name: String, _ values: [String: Int], to out: inout [UInt8]) {
        key(name, to: &out)
        out.append(UInt8(ascii: "{"))
        for (i, entry) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(entry.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendInteger(entry.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `items` as a JSON array, each written by `write`.
    public static func array<T>(_ items: [T], to out: inout [UInt8], _ write: (T, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}
