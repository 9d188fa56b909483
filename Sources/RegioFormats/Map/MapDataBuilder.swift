import Foundation
import RegioDomain
import RegioSpatial

/// Builds the ``MapData`` of an audit: simplifies the territories, municipality borders and overlaps
/// (EPSG:28992 metres, topology-preserving Douglas–Peucker with ``toleranceMeters``), writes them as path
/// data in a ``MapFrame`` (10 m units), places the schools and marks the findings.
struct MapDataBuilder {
    let result: AuditResult
    /// Region id → territory, EPSG:28992 metres (possibly empty).
    let territories: [String: Geometry]
    /// EPSG:28992 metres, all in one ``GeometryContext``.
    let municipalities: [Municipality]
    let schools: [School]
    let counts: [SchoolCode: StudentCounts]
    let title: String
    let colorBy: MapColorMode
    /// Simplification tolerance, metres.
    let toleranceMeters: Double
    /// Renders a region's portrait (HTML).
    let portrait: (RegionFigures) -> String

    func build() throws(SpatialError) -> MapData {
        let located = schools.filter { $0.location != nil }
        let frame = try self.frame(located: located)
        let encoder = SVGPathEncoder(frame: frame)
        // Background: land and municipality borders.
        var land = ""
        var borders = ""
        if let context = municipalities.first?.geometry.context {
            let all = try context.collection(.geometryCollection, of: municipalities.map(\.geometry))
            land = encoder.polygons(try all.unaryUnion().simplified(tolerance: toleranceMeters).polygons)
            borders = encoder.lines(try borderLines(in: context))
        }

        // Territories, simplified once (the palette measures neighbours on the simplified shapes).
        let ids = result.regions.map(\.id)
        var simplified: [Geometry?] = []
        for id in ids {
            guard let territory = territories[id], !territory.isEmpty else { simplified.append(nil); continue }
            simplified.append(try territory.simplified(tolerance: toleranceMeters))
        }
        let colours = RegionPalette.assign(ids: ids, neighbours: try RegionPalette.neighbours(simplified))

        var regions: [MapRegion] = []
        for (figures, shape) in zip(result.regions, simplified) {
            let findings = result.findings(of: figures.id)
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.filter { $0.severity == .warning }.count
            var label: [Int]?
            if let territory = territories[figures.id], !territory.isEmpty {
                let p = frame.position(try territory.pointOnSurface())
                label = [p.x, p.y]
            }
            regions.append(MapRegion(
                id: figures.id, name: figures.name, color: colours[figures.id] ?? RegionPalette.colours[0],
                share: figures.technicalShare, techniekarm: figures.techniekarm,
                status: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
                errors: errors, warnings: warnings, infos: findings.count - errors - warnings,
                schools: figures.schools.count, technicalSchools: figures.technicalSchools.count,
                budget: figures.budgetEUR, area: figures.territoryAreaSquareKilometers, path: shape.map { encoder.polygons($0.polygons) } ?? "",
                label: label, portrait: portrait(figures)))
        }

        // Schools: every placed school of the register, with the regions listing it.
        var regionsOf: [String: [String]] = [:]
        for r in result.regions { for code in r.schools { regionsOf[code, default: []].append(r.id) } }
        let routes = result.settings.countTechnicalRoutes
        var dots: [MapSchool] = []
        var position: [String: (x: Int, y: Int)] = [:]
        for school in located {
            let p = frame.position(school.location!)
            position[school.code.rawValue] = p
            dots.append(MapSchool(code: school.code.rawValue, name: school.name, town: RegionPortrait.town(school.town),
                                  kind: school.kind.rawValue, x: p.x, y: p.y, regions: regionsOf[school.code.rawValue] ?? [],
                                  technical: (counts[school.code]?.technicalStudents(includingRoutes: routes) ?? 0) > 0,
                                  approximate: school.placement == .postcodeCentroid))
        }

        // Findings drawn on the map.
        var pairs: [MapPair] = []
        var ringed: [String: MapRing] = [:]
        var ringOrder: [String] = []
        var overlaps: [MapOverlap] = []
        for finding in result.findings {
            switch finding.rule {
            case .splitCloseSchools:
                guard finding.schools.count == 2, let a = position[finding.schools[0]], let b = position[finding.schools[1]]
                else { continue }
                pairs.append(MapPair(schools: finding.schools, regions: finding.regions, line: [a.x, a.y, b.x, b.y],
                                     severity: finding.severity.rawValue, message: finding.message))
            case .schoolInMultipleRegions, .enclave, .fragmentedRegion:
                for code in finding.schools {
                    guard let p = position[code] else { continue }
                    if ringed[code] == nil {
                        ringOrder.append(code)
                        ringed[code] = MapRing(school: code, x: p.x, y: p.y, severity: finding.severity.rawValue,
                                               rules: [], regions: [], messages: [])
                    }
                    // Findings come worst first, so the first severity is the worst.
                    ringed[code]!.rules.append(finding.rule.rawValue)
                    ringed[code]!.regions += finding.regions.filter { !ringed[code]!.regions.contains($0) }
                    ringed[code]!.messages.append(finding.message)
                }
            case .overlappingRegions:
                guard finding.regions.count == 2, let a = territories[finding.regions[0]],
                      let b = territories[finding.regions[1]] else { continue }
                let shared = try a.intersection(b).simplified(tolerance: toleranceMeters)
                let path = encoder.polygons(shared.polygons)
                guard !path.isEmpty else { continue }
                overlaps.append(MapOverlap(regions: finding.regions, path: path,
                                           areaSquareKilometers: ((finding.value ?? shared.area / 1e6) * 100).rounded() / 100,
                                           message: finding.message))
            default:
                continue
            }
        }

        let maxShare = result.regions.compactMap(\.technicalShare).max() ?? 0
        return MapData(
            title: title, colorBy: colorBy.rawValue, frame: frame, land: land, borders: borders, regions: regions,
            schools: dots, pairs: pairs, rings: ringOrder.compactMap { ringed[$0] }, overlaps: overlaps,
            techniekarmShareBelow: result.settings.techniekarmShareBelow,
            shareScaleMax: min(1, max(0.2, (maxShare * 10).rounded(.up) / 10)),
            errors: result.count(.error), warnings: result.count(.warning), infos: result.count(.info),
            methods: [result.methods.territory, result.methods.catchment,
                      "map = EPSG:28992 (RD New) metres drawn as they are, y flipped, simplified with a tolerance of \(Int(toleranceMeters)) m (topology-preserving Douglas–Peucker) and rounded to \(Int(frame.unitMeters)) m"])
    }

    /// The mapped area: the municipalities and every placed school, in RD metres.
    func frame(located: [School]) throws(SpatialError) -> MapFrame {
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
    func borderLines(in context: GeometryContext) throws(SpatialError) -> [[Point]] {
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
