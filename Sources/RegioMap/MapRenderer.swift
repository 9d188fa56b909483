import Foundation
import RegioDomain
import RegioInputs
import RegioReports
import RegioSpatial

/// Renders an audit as ONE self-contained HTML file: region territories as SVG paths (coloured by region,
/// technical share or status, toggled in the page), schools as dots, findings marked (close-by pairs as
/// lines, schools in several regions, enclaves and outliers ringed, overlaps hatched), registration numbers
/// at each territory's point on surface, municipality borders faintly behind; pan and zoom; a region list
/// with a filter; the ``RegionPortrait`` of each selected region below the map; a print stylesheet.
///
/// Geometries come in EPSG:28992 (RD New) metres and are drawn as they are (RD is planar), y flipped,
/// simplified with ``toleranceMeters`` and rounded to 10 m, so the whole country stays well under 3 MB.
/// The page loads nothing from the network. Mbo colleges and employers are never drawn.
public struct MapRenderer {
    public let result: AuditResult
    /// Region id → territory, EPSG:28992 metres (possibly empty), as ``Dataset/audit(catchments:)`` returns them.
    public let territories: [RegionID: Geometry]
    /// EPSG:28992 metres, in the same ``GeometryContext`` as the territories.
    public let municipalities: [Municipality]
    /// The register: every school with a location is drawn.
    public let schools: [School]
    /// Year 3–4 pupils per school (for the portraits and the technical-profile mark).
    public let counts: [SchoolCode: StudentCounts]
    public var title: String
    /// The language of the page.
    public var language: Language
    /// The fill when the page opens.
    public var colorBy: MapColorMode
    /// Douglas–Peucker tolerance in metres (topology preserving) for territories, borders and overlaps.
    public var toleranceMeters: Double

    public init(result: AuditResult, territories: [RegionID: Geometry], municipalities: [Municipality],
                schools: [School], counts: [SchoolCode: StudentCounts] = [:],
                title: String = "Sterk Techniekonderwijs: regions", language: Language = .en,
                colorBy: MapColorMode = .region, toleranceMeters: Double = 150) {
        self.result = result
        self.territories = territories
        self.municipalities = municipalities
        self.schools = schools
        self.counts = counts
        self.title = title
        self.language = language
        self.colorBy = colorBy
        self.toleranceMeters = toleranceMeters
    }

    /// The data embedded in the page (map units of 10 m, see ``MapFrame``).
    public func data() throws(SpatialError) -> MapData {
        let byCode = Dictionary(schools.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let municipalityNames = Dictionary(municipalities.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let builder = try MapDataBuilder(municipalities: municipalities, schools: schools, counts: counts, title: title,
                                         language: language, colorBy: colorBy, toleranceMeters: toleranceMeters)
        return try builder.data(result, territories: territories) { figures in
            RegionPortrait.html(for: figures, result: result, schools: byCode, counts: counts,
                                municipalityNames: municipalityNames, language: language)
        }
    }

    /// The HTML page.
    public func html() throws(SpatialError) -> String {
        MapPage.html(try data())
    }
}
