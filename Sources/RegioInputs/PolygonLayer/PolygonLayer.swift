import RegioDomain
import RegioSpatial

/// The areas of one polygon file (municipalities, or postcode areas read as ``Municipality`` values), projected
/// to EPSG:28992 (RD New, metres), with how the file's CRS was determined and the problems that did not stop
/// the load.
public struct PolygonLayer {
    /// In file order. Every geometry is a valid polygon or multi-polygon in EPSG:28992 metres (repaired with
    /// GEOS MakeValid when the input was invalid; each repair is listed in ``problems``).
    public let municipalities: [Municipality]
    /// The CRS of the coordinates in the file (before projection).
    public let sourceCRS: CoordinateReferenceSystem
    /// How ``sourceCRS`` was determined: "given with --crs", "crs member",
    /// "RFC 7946 default (coordinates within lon/lat range)" or "GeoPackage srs_id 28992".
    public let crsSource: String
    /// Problems that did not stop the load, e.g. `repaired-polygon` (warning).
    public let problems: [InputProblem]
    /// The numeric property read with `measureField` (such as `inwoners`) by municipality code; a feature
    /// whose value is null has no entry. Empty when no measure was asked for.
    public let measures: [String: Double]
    /// The bounding box of the coordinates as the file gives them, in ``sourceCRS`` (`nil` without any): what
    /// tells degrees from metres when the stated CRS and the coordinates disagree.
    public let sourceEnvelope: Envelope?

    public init(municipalities: [Municipality], sourceCRS: CoordinateReferenceSystem, crsSource: String,
                problems: [InputProblem], measures: [String: Double] = [:], sourceEnvelope: Envelope? = nil) {
        self.measures = measures
        self.sourceEnvelope = sourceEnvelope
        self.municipalities = municipalities
        self.sourceCRS = sourceCRS
        self.crsSource = crsSource
        self.problems = problems
    }

    /// Total area in km² (EPSG:28992).
    public var areaSquareKilometers: Double { municipalities.reduce(0) { $0 + $1.areaSquareKilometers } }
}
