import Foundation
import RegioDomain
import RegioReports
import RegioSpatial

/// Builds the ``MapData`` of audits of one set of inputs: simplifies the territories, municipality borders
/// and overlaps (EPSG:28992 metres, topology-preserving Douglas–Peucker with ``toleranceMeters``), writes them
/// as path data in a ``MapFrame`` (10 m units), places the schools and marks the findings.
///
/// What no edit changes is drawn once: the frame, land and borders when the builder is made, the school dots
/// on first use. `regio serve` asks for the map after every edit, so the builder also keeps what an edit
/// usually leaves alone: a territory's path and label while the territory object stays (``Auditor`` keeps
/// an unchanged region's territory), and the palette while the regions and their territories stay.
///
/// It holds GEOS geometries, which are not thread-safe: keep it in one task, as the ``Auditor`` it draws.
public final class MapDataBuilder {
    /// The mapped area: the municipalities and every placed school.
    public let frame: MapFrame
    /// Land: the union of the municipalities (path data); empty without municipalities.
    public let land: String
    /// Municipality borders, each shared border once (path data of lines); empty without municipalities.
    public let borders: String
    public let title: String
    /// The language of the page the map is drawn for: its findings' messages and the totals sentence in the
    /// map data (the page's own words come from strings.js).
    public var language: Language
    public let colorBy: MapColorMode
    /// Simplification tolerance, metres.
    public let toleranceMeters: Double

    private let encoder: SVGPathEncoder
    /// Every school with a location, in register order.
    private let located: [School]
    private let counts: [SchoolCode: StudentCounts]
    /// Map position of each located school, by code.
    private let positions: [String: (x: Int, y: Int)]
    /// The dots of ``located`` without their regions (`technical` depends on whether technical routes count).
    private var dots: (routes: Bool, schools: [MapSchool])?
    /// The territories of the last map, drawn, by the territory's identity (the entry holds the territory,
    /// so no other object can take its identifier).
    private var drawn: [ObjectIdentifier: DrawnTerritory] = [:]
    /// The colours of the last map, with the regions and territories they were worked out for.
    private var palette: (ids: [RegionID], territories: [Geometry?], colours: [RegionID: String])?

    /// A territory as the map draws it.
    private struct DrawnTerritory {
        let territory: Geometry
        /// Simplified with the map's tolerance (the palette measures neighbours on these).
        let simplified: Geometry
        let path: String
        /// Where the registration number is written: the territory's point on surface (map units).
        let label: [Int]
    }

    /// Draws the frame, land and borders.
    /// - Parameters:
    ///   - municipalities: EPSG:28992 metres, all in one ``GeometryContext``; none: no land or borders, and
    ///     a frame around the schools alone.
    ///   - schools: the register: every school with a location is drawn.
    ///   - counts: year 3–4 pupils per school (for the technical-profile mark).
    public init(municipalities: [Municipality], schools: [School], counts: [SchoolCode: StudentCounts] = [:],
                title: String = "Sterk Techniekonderwijs: regions", language: Language = .en,
                colorBy: MapColorMode = .region, toleranceMeters: Double = 150) throws(SpatialError) {
        located = schools.filter { $0.location != nil }
        frame = Self.frame(municipalities: municipalities, located: located)
        encoder = SVGPathEncoder(frame: frame)
        self.counts = counts
        self.title = title
        self.language = language
        self.colorBy = colorBy
        self.toleranceMeters = toleranceMeters
        var positions: [String: (x: Int, y: Int)] = [:]
        for school in located { positions[school.code.rawValue] = frame.position(school.location!) }
        self.positions = positions
        if let context = municipalities.first?.geometry.context {
            let all = try context.collection(.geometryCollection, of: municipalities.map(\.geometry))
            land = encoder.polygons(try all.unaryUnion().simplified(tolerance: toleranceMeters).polygons)
            borders = encoder.lines(try Self.borderLines(of: municipalities, in: context, toleranceMeters: toleranceMeters))
        } else {
            land = ""
            borders = ""
        }
    }

    /// The map of `result`.
    /// - Parameters:
    ///   - territories: region id → territory, EPSG:28992 metres (possibly empty), in the municipalities' context.
    ///   - portrait: renders a region's portrait (HTML); without it the portraits are empty.
    public func data(_ result: AuditResult, territories: [RegionID: Geometry],
                     portrait: ((RegionFigures) -> String)? = nil) throws(SpatialError) -> MapData {
        let regionTerritories = result.regions.map { territories[$0.id] }
        let shapes = try draw(regionTerritories)
        let colours = try colours(ids: result.regions.map(\.id), territories: regionTerritories, shapes: shapes)

        var regions: [MapRegion] = []
        let counts = result.severityCountsByRegion()
        for (figures, shape) in zip(result.regions, shapes) {
            let count = counts[figures.id] ?? AuditResult.SeverityCounts()
            let (errors, warnings) = (count.errors, count.warnings)
            regions.append(MapRegion(
                id: figures.id, name: figures.name, color: colours[figures.id] ?? RegionPalette.colours[0],
                share: figures.technicalShare, techniekarm: figures.techniekarm,
                status: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
                errors: errors, warnings: warnings, infos: count.infos,
                schools: figures.schools.count, technicalSchools: figures.technicalSchools.count,
                budget: figures.budgetEUR, area: figures.territoryAreaSquareKilometers, path: shape?.path ?? "",
                label: shape?.label, portrait: portrait?(figures) ?? ""))
        }

        // Schools: every placed school of the register, with the regions listing it.
        var regionsOf: [String: [RegionID]] = [:]
        for r in result.regions { for code in r.schools { regionsOf[code, default: []].append(r.id) } }
        var schools = dots(routes: result.settings.countTechnicalRoutes)
        for i in schools.indices { schools[i].regions = regionsOf[schools[i].code] ?? [] }

        // Findings drawn on the map.
        var pairs: [MapPair] = []
        var ringed: [String: MapRing] = [:]
        var ringOrder: [String] = []
        var overlaps: [MapOverlap] = []
        for finding in result.findings {
            switch finding.rule {
            case .splitCloseSchools:
                guard finding.schools.count == 2, let a = positions[finding.schools[0]], let b = positions[finding.schools[1]]
                else { continue }
                pairs.append(MapPair(schools: finding.schools, regions: finding.regions, line: [a.x, a.y, b.x, b.y],
                                     severity: finding.severity.rawValue, message: finding.message(in: language)))
            case .schoolInMultipleRegions, .enclave, .fragmentedRegion:
                for code in finding.schools {
                    guard let p = positions[code] else { continue }
                    if ringed[code] == nil {
                        ringOrder.append(code)
                        ringed[code] = MapRing(school: code, x: p.x, y: p.y, severity: finding.severity.rawValue,
                                               rules: [], regions: [], messages: [])
                    }
                    // Findings come worst first, so the first severity is the worst.
                    ringed[code]!.rules.append(finding.rule.rawValue)
                    ringed[code]!.regions += finding.regions.filter { !ringed[code]!.regions.contains($0) }
                    ringed[code]!.messages.append(finding.message(in: language))
                }
            case .overlappingRegions:
                guard finding.regions.count == 2, let a = territories[finding.regions[0]],
                      let b = territories[finding.regions[1]] else { continue }
                let shared = try a.intersection(b).simplified(tolerance: toleranceMeters)
                let path = encoder.polygons(shared.polygons)
                guard !path.isEmpty else { continue }
                overlaps.append(MapOverlap(regions: finding.regions, path: path,
                                           areaSquareKilometers: ((finding.value ?? shared.area / 1e6) * 100).rounded() / 100,
                                           message: finding.message(in: language)))
            default:
                continue
            }
        }

        let maxShare = result.regions.compactMap(\.technicalShare).max() ?? 0
        return MapData(
            title: title, language: language.rawValue, colorBy: colorBy.rawValue, frame: frame, land: land, borders: borders, regions: regions,
            schools: schools, pairs: pairs, rings: ringOrder.compactMap { ringed[$0] }, overlaps: overlaps,
            techniekarmShareBelow: result.settings.techniekarmShareBelow,
            shareScaleMax: min(1, max(0.2, (maxShare * 10).rounded(.up) / 10)),
            errors: result.count(.error), warnings: result.count(.warning), infos: result.count(.info),
            totals: AuditReport.totalsLine(result.totals, in: language), methods: methods(result))
    }

    /// How `result`'s territories and catchment areas were derived, and how the map was drawn.
    public func methods(_ result: AuditResult) -> [String] {
        [result.methods.territory.text(in: language), result.methods.catchment.text(in: language),
         "map = EPSG:28992 (RD New) metres drawn as they are, y flipped, simplified with a tolerance of \(Int(toleranceMeters)) m (topology-preserving Douglas–Peucker) and rounded to \(Int(frame.unitMeters)) m"]
    }

    // MARK: parts

    /// Each territory drawn (`nil` when missing or empty): from the last map when it had the same territory.
    private func draw(_ territories: [Geometry?]) throws(SpatialError) -> [DrawnTerritory?] {
        var next: [ObjectIdentifier: DrawnTerritory] = [:]
        var shapes: [DrawnTerritory?] = []
        for territory in territories {
            guard let territory, !territory.isEmpty else { shapes.append(nil); continue }
            let key = ObjectIdentifier(territory)
            if let known = drawn[key] ?? next[key] {
                next[key] = known
                shapes.append(known)
                continue
            }
            let simplified = try territory.simplified(tolerance: toleranceMeters)
            let p = frame.position(try territory.pointOnSurface())
            let shape = DrawnTerritory(territory: territory, simplified: simplified, path: encoder.polygons(simplified.polygons),
                                       label: [p.x, p.y])
            next[key] = shape
            shapes.append(shape)
        }
        drawn = next
        return shapes
    }

    /// A colour per region id (``RegionPalette``): the last map's when the regions and their territories are the same.
    private func colours(ids: [RegionID], territories: [Geometry?], shapes: [DrawnTerritory?]) throws(SpatialError) -> [RegionID: String] {
        if let palette, palette.ids == ids,
           palette.territories.elementsEqual(territories, by: { $0 === $1 }) { return palette.colours }
        let colours = RegionPalette.assign(ids: ids, neighbours: try RegionPalette.neighbours(shapes.map { $0?.simplified }))
        palette = (ids, territories, colours)
        return colours
    }

    /// The dots of every located school, without their regions.
    private func dots(routes: Bool) -> [MapSchool] {
        if let dots, dots.routes == routes { return dots.schools }
        let schools = located.map { school in
            let p = positions[school.code.rawValue]!
            return MapSchool(code: school.code.rawValue, name: school.name, town: school.town.capitalizedTown,
                             kind: school.kind.rawValue, x: p.x, y: p.y, regions: [],
                             technical: (counts[school.code]?.technicalStudents(includingRoutes: routes) ?? 0) > 0,
                             approximate: school.placement == .postcodeCentroid)
        }
        dots = (routes, schools)
        return schools
    }

    /// The mapped area: the municipalities and every placed school, in RD metres.
    private static func frame(municipalities: [Municipality], located: [School]) -> MapFrame {
        var envelope = municipalities.compactMap(\.geometry.envelope).reduce(nil) { (e: Envelope?, m) in e?.union(m) ?? m }
        for school in located {
            let p = school.location!
            if envelope == nil { envelope = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y) } else { envelope!.extend(to: p) }
        }
        return MapFrame(around: envelope ?? Envelope(minX: 0, minY: 300_000, maxX: 280_000, maxY: 625_000))
    }

    /// The municipality borders as lines, each shared border once: every ring as a line, united (GEOS
    /// nodes the lines and dissolves the duplicate halves of shared borders), then simplified; the
    /// simplification keeps the nodes where three municipalities meet, so neighbours stay joined.
    private static func borderLines(of municipalities: [Municipality], in context: GeometryContext,
                            toleranceMeters: Double) throws(SpatialError) -> [[Point]] {
        var rings: [Geometry] = []
        for m in municipalities {
            for polygon in m.geometry.polygons {
                for ring in polygon where ring.count >= 2 { rings.append(try context.lineString(ring)) }
            }
        }
        guard !rings.isEmpty else { return [] }
        let merged = try context.collection(.multiLineString, of: rings).unaryUnion().simplified(tolerance: toleranceMeters)
        switch merged.kind {
        case .lineString, .linearRing: return [merged.coordinates]
        default: return merged.parts.map(\.coordinates)
        }
    }
}
