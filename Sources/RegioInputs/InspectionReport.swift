import Foundation
import RegioDomain

/// What `regio inspect` found in the inputs: counts, detected CRS, schools per municipality,
/// approximately placed schools, schools without pupil counts, and every problem.
public struct InspectionReport: Sendable, Codable {
    public struct FileSummary: Sendable, Codable {
        public let role: String
        public let path: String
        public let detail: String
    }

    public struct MunicipalityCount: Sendable, Codable {
        public let code: String
        public let name: String
        public let schools: Int
    }

    public let files: [FileSummary]
    public let schools: Int
    public let placedSchools: Int
    public let approximatelyPlaced: [String]
    public let unplaced: [String]
    public let outsideMunicipalities: [String]
    public let municipalities: Int
    public let municipalityAreaSquareKilometers: Double
    public let municipalityCRS: String
    public let municipalityCRSSource: String
    public let schoolsWithStudentCounts: Int?
    public let totalPupils: Int?
    public let schoolsWithoutStudentCounts: [String]
    public let regions: Int?
    public let registeredSchools: Int?
    public let schoolsPerMunicipality: [MunicipalityCount]
    public let problems: [InputProblem]

    public init(_ d: Dataset) {
        var files = [FileSummary(role: "schools", path: d.register.file,
                                 detail: "\(d.register.schools.count) schools, \(d.register.encoding), coordinates from \(d.register.coordinateColumns)")]
        if let s = d.students {
            files.append(FileSummary(role: "students", path: s.file,
                                     detail: "\(s.schoolCount) schools, \(s.totalPupils) pupils, \(s.counts.count) with vmbo year 3–4 pupils"))
        }
        files.append(FileSummary(role: "municipalities", path: d.paths.municipalities ?? "",
                                 detail: "\(d.map.count) municipalities, \(d.municipalities.sourceCRS) (\(d.municipalities.crsSource))"))
        if let r = d.registration {
            files.append(FileSummary(role: "registrations", path: d.paths.registrations ?? "",
                                     detail: "\(r.regions.count) regions, \(Set(r.regions.flatMap(\.schools)).count) distinct schools"
                                         + (d.registrationOrigin.map { ", \($0)" } ?? "")))
        }
        if let p = d.postcodes {
            files.append(FileSummary(role: "postcodes", path: p.file, detail: "\(p.centroids.count) postcode centroids"))
        }
        if let c = d.paths.config { files.append(FileSummary(role: "config", path: c, detail: "settings")) }
        self.files = files
        let schools = d.register.schools
        self.schools = schools.count
        placedSchools = schools.filter { $0.location != nil }.count
        approximatelyPlaced = schools.filter { $0.placement == .postcodeCentroid }.map(\.code.rawValue)
        unplaced = schools.filter { $0.placement == .unplaced }.map(\.code.rawValue)
        outsideMunicipalities = d.placement.outside.map(\.school.rawValue)
        municipalities = d.map.count
        municipalityAreaSquareKilometers = (d.map.areaSquareKilometers * 10).rounded() / 10
        municipalityCRS = d.municipalities.sourceCRS.identifier
        municipalityCRSSource = d.municipalities.crsSource
        schoolsWithStudentCounts = d.students.map { s in schools.filter { s.counts[$0.code] != nil }.count }
        totalPupils = d.students?.totalPupils
        schoolsWithoutStudentCounts = d.students.map { s in
            schools.filter { $0.kind == .vmbo && s.counts[$0.code] == nil }.map(\.code.rawValue)
        } ?? []
        regions = d.registration?.regions.count
        registeredSchools = d.registration.map { Set($0.regions.flatMap(\.schools)).count }
        var perMunicipality: [String: Int] = [:]
        for code in d.placement.municipalityOf.values { perMunicipality[code, default: 0] += 1 }
        schoolsPerMunicipality = d.map.municipalities.map {
            MunicipalityCount(code: $0.code, name: $0.name, schools: perMunicipality[$0.code] ?? 0)
        }.sorted { ($0.schools, $1.code) > ($1.schools, $0.code) }
        problems = d.problems
    }

    /// Pretty-printed JSON with sorted keys (stable for scripts and diffs).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A terminal summary.
    public func text(top: Int = 10) -> String {
        var out = "Inputs\n"
        for f in files { out += "  \(f.role.padding(toLength: 15, withPad: " ", startingAt: 0)) \(f.path)\n  \(String(repeating: " ", count: 15)) \(f.detail)\n" }
        out += "\nSchools: \(schools), placed \(placedSchools)"
        out += ", \(approximatelyPlaced.count) approximately (postcode centroid), \(unplaced.count) unplaced"
        out += ", \(outsideMunicipalities.count) outside every municipality\n"
        out += "Municipalities: \(municipalities), \(String(format: "%.0f", municipalityAreaSquareKilometers)) km² in all, input CRS \(municipalityCRS) (\(municipalityCRSSource))\n"
        if let totalPupils, let withCounts = schoolsWithStudentCounts {
            out += "Pupils: \(totalPupils) in the pupil file; \(withCounts) registered schools have vmbo year 3–4 pupils; \(schoolsWithoutStudentCounts.count) vmbo schools have none\n"
        }
        if let regions, let registeredSchools { out += "Pre-registration: \(regions) regions listing \(registeredSchools) schools\n" }
        out += "\nSchools per municipality (top \(top) of \(schoolsPerMunicipality.filter { $0.schools > 0 }.count) with schools)\n"
        for m in schoolsPerMunicipality.prefix(top) {
            out += "  \(m.code)  \(m.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(String(repeating: " ", count: max(0, 4 - String(m.schools).count)))\(m.schools)\n"
        }
        if !approximatelyPlaced.isEmpty { out += "\nApproximately placed: \(approximatelyPlaced.joined(separator: ", "))\n" }
        if !schoolsWithoutStudentCounts.isEmpty {
            out += "\nVmbo schools without pupil counts: \(schoolsWithoutStudentCounts.prefix(20).joined(separator: ", "))\(schoolsWithoutStudentCounts.count > 20 ? ", …" : "")\n"
        }
        let refused = problems.filter { $0.kind == "refused-input" }
        if !refused.isEmpty {
            out += "\nEvery command that audits refuses these inputs (exit 2):\n"
            for p in refused { out += "  \(p)\n" }
        }
        let shown = problems.filter { $0.severity >= .warning && $0.kind != "refused-input" }
        out += "\nProblems: \(problems.filter { $0.severity == .warning }.count) warnings, \(problems.filter { $0.severity == .info }.count) notes\n"
        for p in shown { out += "  \(p.severity.rawValue): \(p)\n" }
        return out
    }
}
