import RegioDomain

/// Pupil counts per school from DUO's "leerlingen vo per vestiging naar onderwijstype": year 3 and 4
/// of the vmbo tracks, per profile (AFDELING), as `domain.md` defines counted and technical students.
public struct StudentCountsFile: Sendable {
    /// The file as the user named it.
    public let file: String
    /// Year 3 + 4 vmbo students per school (BB/KB/GL per profile, TL apart).
    public let counts: [SchoolCode: StudentCounts]
    /// All pupils in the file, every year and education type (a checksum against DUO's totals).
    public let totalPupils: Int
    /// Distinct schools in the file.
    public let schoolCount: Int
    public let problems: [InputProblem]
}

public enum StudentCountsReader {
    /// Reads a DUO pupil file.
    /// - Throws: ``InputError`` for missing columns, a malformed code, or a count that is not a whole number.
    public static func read(_ path: String, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> StudentCountsFile {
        let table = try CSVTable.read(path, expecting: ["BRIN NUMMER", "VESTIGINGSNUMMER", "ONDERWIJSTYPE", "AFDELING"],
                                      maximumBytes: maximumBytes)
        let brin = try table.requireColumn("BRIN NUMMER", "brin", purpose: "the 4-character institution code")
        let location = try table.requireColumn("VESTIGINGSNUMMER", purpose: "the 2-digit location number")
        let type = try table.requireColumn("ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", "ONDERWIJSTYPE",
                                           purpose: "the education type, e.g. 'VMBO BL lj 3-4'")
        let department = try table.requireColumn("AFDELING", purpose: "the vmbo profile")
        // Year columns: "LEER- OF VERBLIJFSJAAR 3 - MAN" etc.
        let yearColumns = table.header.indices.filter { table.header[$0].uppercased().contains("JAAR ") &&
            (table.header[$0].uppercased().hasSuffix("MAN") || table.header[$0].uppercased().hasSuffix("VROUW")) }
        guard !yearColumns.isEmpty else {
            throw InputError(.missingColumn, file: path, line: 1,
                             message: "no pupil count columns like 'LEER- OF VERBLIJFSJAAR 3 - MAN'; the header has: \(table.header.joined(separator: ", "))")
        }
        let upperYears = yearColumns.filter {
            let h = table.header[$0]
            return h.contains("JAAR 3 ") || h.contains("JAAR 4 ")
        }

        var counts: [SchoolCode: StudentCounts] = [:]
        var schools = Set<SchoolCode>()
        var total = 0
        var departmentCache: [String: Profile] = [:]
        for r in table.rowIndices {
            let line = table.lines[r]
            let codeText = table.field(r, brin) + table.field(r, location)
            guard let code = SchoolCode(codeText) else {
                throw InputError(.malformedCode, file: path, line: line,
                                 message: "BRIN NUMMER '\(table.field(r, brin))' + VESTIGINGSNUMMER '\(table.field(r, location))' is not a school code: '\(codeText)': \(SchoolCode.diagnosis(codeText) ?? SchoolCode.shape)")
            }
            schools.insert(code)
            func count(_ column: Int) throws(InputError) -> Int {
                guard let n = table.wholeNumber(r, column) else {
                    throw InputError(.badValue, file: path, line: line,
                                     message: "\(table.header[column]) '\(table.field(r, column))' is not a whole number of pupils")
                }
                return n
            }
            for c in yearColumns { total += try count(c) }
            let typeText = table.field(r, type)
            // Only year 3–4 vmbo rows carry counted students; skip the rest before any further work.
            guard typeText.hasPrefix("VMBO"), let track = Track(duoEducationType: typeText) else { continue }
            let departmentText = table.field(r, department)
            let profile: Profile
            if let cached = departmentCache[departmentText] { profile = cached } else {
                profile = Profile(duoDepartment: departmentText)
                departmentCache[departmentText] = profile
            }
            var students = 0
            for c in upperYears { students += try count(c) }
            counts[code, default: StudentCounts()].add(students, track: track, profile: profile)
        }
        return StudentCountsFile(file: path, counts: counts, totalPupils: total, schoolCount: schools.count, problems: [])
    }
}
