import RegioDomain
import RegioReports

/// The data of the HTML map, embedded as one JSON blob (`<script type="application/json">`) from which
/// the page's script builds the SVG and the lists. Every position is in map units of the ``MapFrame``
/// (10 m of EPSG:28992, origin top-left, y down); path data uses the same units.
public struct MapData: Sendable, Codable {
    public var title: String
    /// The language of the page's words and number formats (``Language`` raw value: `en` or `nl`).
    public var language: String
    /// The fill of the territories when the page opens: `region`, `share` or `status`.
    public var colorBy: String
    public var frame: MapFrame
    /// Land: the union of the municipalities (path data), drawn as the background.
    public var land: String
    /// Municipality borders, each shared border once (path data of lines), drawn faintly.
    public var borders: String
    public var regions: [MapRegion]
    /// Every placed school of the register (mbo colleges and employers are never drawn).
    public var schools: [MapSchool]
    /// `split-close-schools`: a line between the two schools of each pair.
    public var pairs: [MapPair]
    /// Schools ringed by a finding: `school-in-multiple-regions`, `enclave`, `fragmented-region` outliers.
    public var rings: [MapRing]
    /// `overlapping-regions`: the shared area of the two territories (path data), hatched.
    public var overlaps: [MapOverlap]
    /// Regions below this technical share (a fraction) are techniekarm.
    public var techniekarmShareBelow: Double
    /// Upper end of the share scale (a fraction, a multiple of 0.1).
    public var shareScaleMax: Double
    /// Findings per severity over the whole audit.
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// The national totals in one sentence (``AuditReport/totalsLine(_:)``: each school counted once), as the
    /// text and Markdown reports state them.
    public var totals: String
    /// How territories and catchment areas were derived, and how the map was drawn.
    public var methods: [String]
}

/// One region on the map, with its portrait (HTML) for the panel below the map.
public struct MapRegion: Sendable, Codable {
    public var id: RegionID
    public var name: String
    /// Its colour in `region` mode (`#rrggbb`).
    public var color: String
    /// Technical share (fraction); `nil` without counted students.
    public var share: Double?
    public var techniekarm: Bool
    /// `error`, `warning` or `ok` (infos do not count).
    public var status: String
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Number of member schools and of those with a technical profile.
    public var schools: Int
    public var technicalSchools: Int
    /// EUR a year; `nil` for a techniekarm region (its budget is the programme's separate range).
    public var budget: Double?
    /// Territory area, km² (EPSG:28992); larger territories win where labels collide.
    public var area: Double
    /// Territory as path data; empty when the region has no located school.
    public var path: String
    /// Where the registration number is written: the territory's point on surface (map units).
    public var label: [Int]?
    /// The region portrait: an HTML fragment of ``RegionPortrait`` (every text escaped by it).
    public var portrait: String
}

/// One school as a dot.
public struct MapSchool: Sendable, Codable {
    public var code: String
    public var name: String
    public var town: String
    /// `vmbo`, `vso`, `pro`, `havo-vwo` or `other`.
    public var kind: String
    public var x: Int
    public var y: Int
    /// The regions that list it, in file order (empty: grey dot; two or more: an error).
    public var regions: [RegionID]
    /// Offers a technical profile (has technical students).
    public var technical: Bool
    /// Placed at a postcode centroid: approximate.
    public var approximate: Bool
}

/// Two close-by schools in different regions.
public struct MapPair: Sendable, Codable {
    public var schools: [String]
    public var regions: [RegionID]
    /// x1, y1, x2, y2 in map units.
    public var line: [Int]
    public var severity: String
    public var message: String
}

/// A school ringed by one or more findings.
public struct MapRing: Sendable, Codable {
    public var school: String
    public var x: Int
    public var y: Int
    /// The worst severity of its findings.
    public var severity: String
    public var rules: [String]
    public var regions: [RegionID]
    public var messages: [String]
}

/// The overlap of two territories.
public struct MapOverlap: Sendable, Codable {
    public var regions: [RegionID]
    public var path: String
    /// km² (EPSG:28992).
    public var areaSquareKilometers: Double
    public var message: String
}
