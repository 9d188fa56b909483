import Foundation
import RegioDomain
import RegioSpatial

/// The input files of one run, as the user named them. `nil` means "not given".
public struct InputPaths: Sendable, Hashable {
    public var schools: String?
    public var students: String?
    public var municipalities: String?
    public var registrations: String?
    /// The worksheet of `registrations` when it is an XLSX workbook; `nil`: the first visible sheet.
    public var registrationsSheet: String?
    public var postcodes: String?
    public var config: String?
    /// The CRS of the municipality file, when it cannot be detected.
    public var municipalityCRS: CoordinateReferenceSystem?
    /// Which properties of the municipality file (or of another unit layer read in its place, such as
    /// postcode areas) hold the code, the name and a measure.
    public var mapFields = MapFields()

    /// The properties of a polygon layer's features that ``PolygonLayerReader`` reads.
    public struct MapFields: Sendable, Hashable {
        /// The code property (default `statcode`, with CBS fallbacks).
        public var id: String
        /// The name property (default `statnaam`, with fallbacks).
        public var name: String
        /// A numeric property to read (``PolygonLayer/measures``), or none.
        public var measure: String?

        public init(id: String = "statcode", name: String = "statnaam", measure: String? = nil) {
            self.id = id
            self.name = name
            self.measure = measure
        }
    }

    public init(schools: String? = nil, students: String? = nil, municipalities: String? = nil,
                registrations: String? = nil, postcodes: String? = nil, config: String? = nil,
                municipalityCRS: CoordinateReferenceSystem? = nil) {
        self.schools = schools
        self.students = students
        self.municipalities = municipalities
        self.registrations = registrations
        self.postcodes = postcodes
        self.config = config
        self.municipalityCRS = municipalityCRS
    }

    /// Whether no input was given at all (then the demo dataset is used).
    public var isEmpty: Bool {
        schools == nil && students == nil && municipalities == nil && registrations == nil && postcodes == nil
    }

    /// The demo dataset's files in `directory` (`geodata/demo`).
    public static func demo(in directory: String, config: String? = nil) -> InputPaths {
        InputPaths(schools: "\(directory)/schools.csv", students: "\(directory)/students.csv",
                   municipalities: "\(directory)/municipalities.geojson",
                   registrations: "\(directory)/registrations.csv", postcodes: "\(directory)/postcodes.csv",
                   config: config)
    }
}

/// Everything one run loaded: the register, pupil counts, municipality map, pre-registration, the
/// placement of every school, the settings, and every problem met on the way.
/// Geometries are EPSG:28992 (RD New) metres and belong to ``context``: keep a dataset in one task.
public final class Dataset {
    public let paths: InputPaths
    public let context: GeometryContext
    public let register: SchoolRegister
    public let students: StudentCountsFile?
    public let municipalities: PolygonLayer
    public let map: MunicipalityMap
    public let registration: Registration?
    /// What the pre-registration was read from: "CSV, ';'-separated, UTF-8" or "sheet 'Regio's' of the workbook".
    public let registrationOrigin: String?
    public let postcodes: PostcodeTable?
    public let settings: AuditSettings
    public let placement: SchoolPlacement
    /// Problems of every input and of placement, in input order; the ``spatialRefusals`` last, as errors.
    public let problems: [InputProblem]
    /// Why an audit must refuse these inputs (a map implausible for its CRS, a register without any usable
    /// location, too many schools outside every municipality), each naming the likely cause; empty when the
    /// spatial inputs are sound. Every command that audits throws the first (``requireSoundSpatialInputs()``).
    public let spatialRefusals: [InputError]

    /// Loads the files named in `paths`. The municipalities are required, and the schools unless
    /// `requiringSchools` is false (then a run without `--schools` has an empty register).
    /// - Throws: ``InputError`` for the first input that cannot be read.
    public init(loading paths: InputPaths, requiringSchools: Bool = true,
                context: GeometryContext = GeometryContext()) throws(InputError) {
        guard paths.schools != nil || !requiringSchools else {
            throw InputError(.fileNotFound, file: "--schools", message: "no school register given: pass --schools FILE")
        }
        let schoolsPath = paths.schools ?? "--schools"
        guard let municipalitiesPath = paths.municipalities else {
            throw InputError(.fileNotFound, file: "--municipalities", message: "no municipality map given: pass --municipalities FILE")
        }
        try paths.refuseFilesOfAnotherKind()
        self.paths = paths
        self.context = context
        // Input in WGS 84 (the usual case) needs PROJ's transformation to RD New, which takes PROJ some
        // 25 ms to find: it is made on another thread while the files are read.
        Projection.prepare(from: .wgs84, to: .rdNew)
        // The settings come first: they bound the size of every other input.
        settings = try paths.config.map { path throws(InputError) in try ConfigReader.read(path) } ?? AuditSettings()
        let limit = settings.maximumInputBytes
        // The pupil file is the largest input: it is parsed on the second core meanwhile.
        let studentsRead = paths.students.map { path in
            BackgroundResult.start { () throws(InputError) in try StudentCountsReader.read(path, maximumBytes: limit) }
        }
        postcodes = try paths.postcodes.map { path throws(InputError) in try PostcodeTable.read(path, maximumBytes: limit) }
        let postcodes = self.postcodes
        register = try paths.schools.map { path throws(InputError) in
            try SchoolRegisterReader.read(path, postcodes: postcodes, maximumBytes: limit)
        }
            ?? SchoolRegister(file: schoolsPath, schools: [], coordinateColumns: "", encoding: "", problems: [])
        municipalities = try PolygonLayerReader.read(path: municipalitiesPath, crs: paths.municipalityCRS,
                                                     idField: paths.mapFields.id, nameField: paths.mapFields.name,
                                                     measureField: paths.mapFields.measure, maximumBytes: limit,
                                                     in: context)
        let registrationRead = try paths.registrations.map { path throws(InputError) in
            try RegistrationReader.readWithOrigin(path, sheet: paths.registrationsSheet, maximumBytes: limit)
        }
        registration = registrationRead?.registration
        registrationOrigin = registrationRead?.origin
        students = try studentsRead?.value()
        do {
            map = try MunicipalityMap(municipalities.municipalities, in: context)
        } catch {
            throw InputError(.badGeometry, file: municipalitiesPath, message: "cannot index the municipalities: \(error)")
        }
        placement = SchoolPlacement(register.schools, on: map)

        var problems = register.problems + municipalities.problems + (students?.problems ?? [])
        let byCode = Dictionary(register.schools.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for outside in placement.outside {
            let school = byCode[outside.school]
            let nearest = outside.nearestMunicipality.map { " (nearest: \($0), \(Dataset.kilometres(outside.distanceMeters)) away)" } ?? ""
            problems.append(InputProblem(kind: "school-outside-municipalities", severity: .warning, file: schoolsPath,
                                         message: "\(school?.label ?? outside.school.rawValue) lies outside every municipality\(nearest): \(outside.likelyCause)"))
        }
        if let students {
            for school in register.schools where school.kind == .vmbo && students.counts[school.code] == nil {
                problems.append(InputProblem(kind: "no-student-counts", severity: .info, file: students.file,
                                             message: "\(school.label) offers vmbo but has no year 3–4 vmbo pupils in the pupil file"))
            }
        }
        spatialRefusals = SpatialInputCheck.refusals(register: register, layer: municipalities, map: map,
                                                     file: municipalitiesPath, placement: placement, settings: settings)
        for refusal in spatialRefusals {
            problems.append(InputProblem(kind: "refused-input", severity: .error, file: refusal.file, message: refusal.message))
        }
        self.problems = problems
    }

    /// Throws the first of ``spatialRefusals``: an audit of broken spatial inputs must not look like a
    /// normal report (exit 2 before any report is written).
    public func requireSoundSpatialInputs() throws(InputError) {
        if let refusal = spatialRefusals.first { throw refusal }
    }

    /// Municipality (unit) names by code.
    public var municipalityNames: [String: String] {
        Dictionary(map.municipalities.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The schools by code.
    public var schoolsByCode: [SchoolCode: School] {
        Dictionary(register.schools.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func kilometres(_ metres: Double) -> String {
        metres < 1_000 ? "\(Int(metres.rounded())) m" : String(format: "%.1f km", metres / 1_000)
    }
}

/// Finds the demo dataset: `$REGIO_DEMO_DIR`, `geodata/demo` under the current directory, or the same
/// beside any parent of the executable (so `.build/debug/regio` finds the project's own copy).
public enum DemoData {
    public static func directory(executablePath: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["REGIO_DEMO_DIR"] { return env }
        var candidates = [fm.currentDirectoryPath + "/geodata/demo"]
        var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(url.appendingPathComponent("geodata/demo").path)
            url = url.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: $0 + "/schools.csv") }
    }
}
