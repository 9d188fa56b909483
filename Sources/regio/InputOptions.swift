import ArgumentParser
import RegioInputs
import RegioSpatial

/// The input files every command takes. With none given, the demo dataset is used.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("School register: DUO 'alle vestigingen vo', or a CSV with brin6 and lat/lon or rd_x/rd_y.", valueName: "file"))
    var schools: String?

    @Option(help: ArgumentHelp("DUO pupil counts 'leerlingen vo per vestiging naar onderwijstype'.", valueName: "file"))
    var students: String?

    @Option(help: ArgumentHelp("Municipality polygons: GeoJSON (WGS84, or RD New with a crs member) or GeoPackage.", valueName: "file"))
    var municipalities: String?

    @Option(help: ArgumentHelp("Pre-registrations: regio_id;regio_naam;brin6;rol, as CSV or an .xlsx workbook.", valueName: "file"))
    var registrations: String?

    @Option(help: ArgumentHelp("The worksheet of an .xlsx --registrations (default: the first visible sheet).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("PC4 centroids (layout of pc4_centroids_4pp.csv) to place schools without coordinates.", valueName: "file"))
    var postcodes: String?

    @Option(help: ArgumentHelp("Settings file (JSON or YAML); see `regio config`.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("CRS of the municipality file when it cannot be detected, e.g. EPSG:28992.", valueName: "crs"))
    var crs: String?

    /// The paths, or the demo dataset's when no input is given and `demoWhenEmpty`.
    func paths(demoWhenEmpty: Bool = true) throws(InputError) -> InputPaths {
        var crsValue: CoordinateReferenceSystem?
        if let crs {
            guard let parsed = CoordinateReferenceSystem(name: crs), Projection.isKnown(parsed) else {
                throw InputError(.unknownCRS, file: "--crs", message: "'\(crs)' is not a known CRS: expected an EPSG code such as EPSG:28992 or EPSG:4326")
            }
            crsValue = parsed
        }
        if sheet != nil && registrations == nil {
            throw InputError(.badValue, file: "--sheet", message: "--sheet names a worksheet of the --registrations workbook: pass --registrations FILE.xlsx too")
        }
        var paths = InputPaths(schools: schools, students: students, municipalities: municipalities,
                               registrations: registrations, postcodes: postcodes, config: config,
                               municipalityCRS: crsValue)
        paths.registrationsSheet = sheet
        if paths.isEmpty, demoWhenEmpty {
            guard let demo = DemoData.directory() else {
                throw InputError(.fileNotFound, file: "geodata/demo",
                                 message: "no inputs given and the demo dataset was not found: run from the project folder, set REGIO_DEMO_DIR, or pass --schools and --municipalities")
            }
            paths = InputPaths.demo(in: demo, config: config)
            paths.municipalityCRS = crsValue
        }
        return paths
    }
}

/// How a report is written.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
