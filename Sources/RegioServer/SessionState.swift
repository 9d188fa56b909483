import Foundation
import RegioDomain
import RegioMap
import RegioReports

/// What the page shows of the current scenario, sent as JSON by `GET /api/state` and after every change:
/// the edits, the figures and findings of the edited registration beside the base, and the map layers
/// that change with an edit. Positions and paths are in the map units of ``MapBackground/frame`` (10 m of
/// EPSG:28992) once shifted by ``mapOffset``.
public struct SessionState: Sendable, Codable {
    /// Counts every change of the session (edit, undo, redo, load), so a client can tell states apart.
    public var revision: Int
    /// The name of the scenario last saved or loaded, while its edits are unchanged; `nil` otherwise.
    public var scenarioName: String?
    /// The edits applied to the base pre-registration, in order (the undo stack).
    public var edits: [Edit]
    /// Edits that ``ScenarioSession/redo()`` would apply again, the next one first.
    public var redoEdits: [Edit]
    /// ``edits`` and ``redoEdits`` in words ("move 00AB01 to STO19007").
    public var editTexts: [String]
    public var redoTexts: [String]
    /// Per region of the edited registration, in registration order: its figures, the base's figures
    /// (`nil` for a region the edits created) and its findings counted by severity.
    public var regions: [RegionSummary]
    /// Regions of the base that the edits removed (merged into another), with their base figures.
    public var removedRegions: [RegionFigures]
    /// Every finding of the edited registration, worst first.
    public var findings: [Finding]
    /// Findings of the base that the edits resolve, and those they introduce.
    public var resolved: [Finding]
    public var introduced: [Finding]
    /// Totals over all regions, base and now.
    public var totals: Totals
    public var baseTotals: Totals
    /// Regions below this technical share (a fraction) are techniekarm.
    public var techniekarmShareBelow: Double
    /// The changing map layers (territories, schools with their regions, findings drawn on the map),
    /// built by ``MapDataBuilder``; its `land` and `borders` are empty (they are in the page's background)
    /// and so are the regions' portraits (`GET /api/regions/{id}/portrait` gives one).
    public var map: MapData
    /// Shift (map units, x then y) from ``map``'s own frame to the background's frame.
    public var mapOffset: [Int]

    private enum CodingKeys: String, CodingKey {
        case revision, scenarioName, edits, redoEdits, editTexts, redoTexts, regions, removedRegions, findings,
             resolved, introduced, totals, baseTotals, techniekarmShareBelow, mapOffset, map
    }

    /// Set in an encoder's `userInfo`, leaves out the parts ``json()`` writes apart: the regions, the findings
    /// and the map.
    private static let leavingOutLargeParts = CodingUserInfoKey(rawValue: "regio.sessionState.leavingOutLargeParts")!

    /// Every member, as a synthesized conformance would write it; with ``leavingOutLargeParts`` set, only those
    /// before the `guard` (a member added to the state goes there, or after it and into ``json()`` too).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(revision, forKey: .revision)
        try c.encodeIfPresent(scenarioName, forKey: .scenarioName)
        try c.encode(edits, forKey: .edits)
        try c.encode(redoEdits, forKey: .redoEdits)
        try c.encode(editTexts, forKey: .editTexts)
        try c.encode(redoTexts, forKey: .redoTexts)
        try c.encode(totals, forKey: .totals)
        try c.encode(baseTotals, forKey: .baseTotals)
        try c.encode(techniekarmShareBelow, forKey: .techniekarmShareBelow)
        try c.encode(mapOffset, forKey: .mapOffset)
        guard encoder.userInfo[Self.leavingOutLargeParts] == nil else { return }
        try c.encode(regions, forKey: .regions)
        try c.encode(removedRegions, forKey: .removedRegions)
        try c.encode(findings, forKey: .findings)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(introduced, forKey: .introduced)
        try c.encode(map, forKey: .map)
    }

    /// The state as JSON, as `JSONEncoder` writes it but for the regions, the findings and the map layers, which
    /// their own writers (``AuditJSON``, ``MapData/appendJSON(to:)``) add: they are most of the text, and
    /// `JSONEncoder` took most of an edit's time on them (3–4 ms each for the regions and the findings, 10 ms
    /// for the map, of about 17 ms).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.userInfo[Self.leavingOutLargeParts] = true
        let head = try encoder.encode(self)
        // An object with members: its closing brace goes after the parts written apart.
        guard head.last == UInt8(ascii: "}"), head.count > 2 else {
            throw EncodingError.invalidValue(self, .init(codingPath: [], debugDescription: "the state did not encode as an object"))
        }
        var json = [UInt8](head.dropLast())
        json.reserveCapacity(head.count + 1_000_000)
        json.append(contentsOf: #","regions":"#.utf8)
        AuditJSON.array(regions, to: &json) { region, json in
            json.append(contentsOf: #"{"figures":"#.utf8)
            AuditJSON.append(region.figures, to: &json)
            if let base = region.base {
                json.append(contentsOf: #","base":"#.utf8)
                AuditJSON.append(base, to: &json)
            }
            json.append(contentsOf: #","errors":\#(region.errors),"warnings":\#(region.warnings),"infos":\#(region.infos)}"#.utf8)
        }
        json.append(contentsOf: #","removedRegions":"#.utf8)
        AuditJSON.array(removedRegions, to: &json) { AuditJSON.append($0, to: &$1) }
        for (key, list) in [("findings", findings), ("resolved", resolved), ("introduced", introduced)] {
            json.append(contentsOf: #","\#(key)":"#.utf8)
            AuditJSON.append(list, to: &json)
        }
        json.append(contentsOf: #","map":"#.utf8)
        map.appendJSON(to: &json)
        json.append(UInt8(ascii: "}"))
        return Data(json)
    }

    /// One region's line in the side list.
    public struct RegionSummary: Sendable, Codable {
        /// The region's figures now.
        public var figures: RegionFigures
        /// The region's figures in the base; `nil` when the edits created it.
        public var base: RegionFigures?
        /// Findings that name the region, by severity.
        public var errors: Int
        public var warnings: Int
        public var infos: Int
    }

    /// The audit's national totals (``AuditTotals``: each school counted once) and the findings by severity.
    public struct Totals: Sendable, Codable, Equatable {
        /// Number of regions.
        public var regions: Int
        /// Distinct schools listed by any region.
        public var schools: Int
        /// Year 3–4 students in BB, KB and GL, and those in the five technical profiles, of the distinct
        /// listed schools.
        public var countedStudents: Int
        public var technicalStudents: Int
        /// Budget of the schools in regions that are not techniekarm, EUR a year.
        public var budgetEUR: Double
        /// The techniekarm regions' separate budget together, EUR for four years: [lowest, highest].
        public var techniekarmBudgetRangeEUR: [Double]
        /// Regions below the techniekarm share.
        public var techniekarmRegions: Int
        /// Findings by severity.
        public var errors: Int
        public var warnings: Int
        public var infos: Int

        init(_ result: AuditResult) {
            let totals = result.totals
            regions = totals.regions
            schools = totals.schools
            countedStudents = totals.countedStudents
            technicalStudents = totals.technicalStudents
            budgetEUR = totals.budgetEUR
            techniekarmBudgetRangeEUR = totals.techniekarmBudgetRangeEUR
            techniekarmRegions = totals.techniekarmRegions
            errors = result.count(.error)
            warnings = result.count(.warning)
            infos = result.count(.info)
        }
    }
}

/// The map layers that no edit changes, built once and embedded in the page: the frame, land and
/// municipality borders (path data in map units of 10 m of EPSG:28992), and the methods.
public struct MapBackground: Sendable, Codable {
    /// The page's title ("Sterk Techniekonderwijs: registrations.csv").
    public var title: String
    /// The language of the page's words and number formats (``Language`` raw value: `en` or `nl`).
    public var language: String
    /// The map units: 10 m of EPSG:28992, origin at the top left of the mapped area.
    public var frame: MapFrame
    /// The union of the municipalities, and their shared borders once each (path data).
    public var land: String
    public var borders: String
    /// How territories and catchment areas were derived, and how the map was drawn.
    public var methods: [String]
}
