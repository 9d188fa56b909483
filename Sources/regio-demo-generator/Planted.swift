import Foundation
import RegioDomain

/// One planted rule violation: what the audit must report with default settings.
struct PlantedCase {
    let rule: Rule
    /// The severity the domain gives the rule.
    var severity: Severity { rule.severity }
    /// Registration numbers the finding concerns.
    let regions: [RegionID]
    /// BRIN codes (or planted bad codes) the finding concerns; empty for findings about a region as a whole.
    let schools: [String]
    let why: String
    /// Other findings the same situation may also produce, depending on how territories and catchments
    /// are computed. They are not planted and tests should not require them.
    let mayAlsoReport: [SideEffect]
}

/// A finding a planted case may bring along: `rule` for (at least) `regions`.
struct SideEffect {
    let rule: Rule
    /// Regions the finding names; it may name more (a partner that depends on the catchment areas).
    let regions: [RegionID]
    let note: String

    init(_ rule: Rule, _ regions: [RegionRole], _ note: String) {
        self.rule = rule
        self.regions = regions.map(\.id)
        self.note = note
    }
}

/// A situation close to a rule's threshold that must not produce the finding.
struct NearMiss {
    /// The rule id, or in parentheses a figure that is not a rule ("(technical share)", "(placement)").
    let rule: String
    let regions: [RegionID]
    let schools: [String]
    let why: String
}

/// Builds the list of planted cases and renders `PLANTED.md` and `planted.json`.
struct PlantedReport {
    let data: DemoDataset
    let measured: Measurements

    private func code(_ school: Int) -> String { data.schools[school].code }
    private func place(_ school: Int) -> String { data.settlements[data.schools[school].settlement].name }
    private func km(_ metres: Double) -> String { Writers.decimal(metres / 1_000, 2) + " km" }
    private func percent(_ share: Double?) -> String { share.map { Writers.decimal($0 * 100, 2) + " %" } ?? "–" }
    /// The settings the cases are planted for (the audit's defaults), for the text.
    private var settings: AuditSettings { Design.settings }
    /// A setting in the text: metres as kilometres, fractions as percent, without trailing zeros ("2.5 km", "10 %").
    private func setting(km metres: Double) -> String { Self.plain(metres / 1_000) + " km" }
    private func setting(percent fraction: Double) -> String { Self.plain((fraction * 100 * 1e9).rounded() / 1e9) + " %" }
    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
    private func schoolsMarked(_ mark: Mark) -> [Int] { data.schools.indices.filter { data.schools[$0].spec.mark == mark } }
    private func summary(_ role: RegionRole) -> RegionSummary { measured.summaries[role.rawValue - 1] }
    private func codes(_ schools: [Int]) -> [String] { schools.map(code) }
    /// overlapping-regions for a and b, with the overlap measured with the default territory method.
    private func overlapNote(_ a: RegionRole, _ b: RegionRole, _ cause: String) -> [SideEffect] {
        guard let o = measured.territoryOverlaps.first(where: { Set([$0.a, $0.b]) == Set([a, b]) }) else { return [] }
        return [SideEffect(.overlappingRegions, [o.a, o.b],
                           "\(Writers.decimal(o.area / 1e6, 1)) km² with the default territory method: \(cause)")]
    }

    var cases: [PlantedCase] {
        let double = schoolsMarked(.doubleListed), splitInstitution = schoolsMarked(.splitInstitution)
        let splitClose = schoolsMarked(.splitCloseSouth) + schoolsMarked(.splitCloseNorth)
        let enclave = schoolsMarked(.enclave), uncovered = schoolsMarked(.uncovered)
        let island = schoolsMarked(.islandTechnology)
        let lwt = summary(.leadWithoutTechnology), poor = summary(.technologyPoor), undersized = summary(.undersized)
        let cross = data.members(of: .crossWestEast) + data.members(of: .crossNorthSouth)
        let neighbour = measured.undersizedNeighbour
        let neighbourRegion = data.schools[neighbour.school].spec.regions.map(\.id).joined(separator: ", ")
        let overlapShare = measured.crossOverlap.intersection / min(measured.crossOverlap.westEast, measured.crossOverlap.northSouth)
        return [
            PlantedCase(rule: .schoolInMultipleRegions,
                        regions: [RegionRole.southEast.id, RegionRole.east.id], schools: codes(double),
                        why: "\(codes(double).joined()) (\(place(double[0]))) is listed by both \(RegionRole.southEast.id) and \(RegionRole.east.id).",
                        mayAlsoReport: overlapNote(.southEast, .east, "both territories take in the school")
                            + [SideEffect(.splitInstitution, [.southEast, .east], "for institution \(data.schools[double[0]].institutionCode), if one location listed twice counts as split")]),
            PlantedCase(rule: .unknownSchool, regions: [RegionRole.westCoast.id],
                        schools: [Registrations.malformedCode],
                        why: "Malformed code: not 2 digits, 2 letters and 2 digits.", mayAlsoReport: []),
            PlantedCase(rule: .unknownSchool, regions: [RegionRole.east.id],
                        schools: [Registrations.unregisteredCode],
                        why: "Well-formed code that is not in schools.csv (no generated code starts with 99).", mayAlsoReport: []),
            PlantedCase(rule: .leadWithoutTechnology, regions: [RegionRole.leadWithoutTechnology.id],
                        schools: codes(lwt.lead.map { [$0] } ?? []),
                        why: "The lead has 0 technical pupils (its TL rows in sector Techniek have AFDELING N.v.t. and do not count); the region's share is \(percent(lwt.share)) (\(lwt.technicalPupils)/\(lwt.countedPupils)), so it is not techniekarm.",
                        mayAlsoReport: []),
            PlantedCase(rule: .emptyRegion, regions: [RegionRole.empty.id], schools: [],
                        why: "Declared by one row with an empty brin6.", mayAlsoReport: []),
            PlantedCase(rule: .splitCloseSchools,
                        regions: [RegionRole.southWest.id, RegionRole.westCoast.id], schools: codes(splitClose),
                        why: "\(codes(splitClose).joined(separator: " and ")) are \(km(measured.splitClose)) apart (RD New), on either side of the border between \(place(splitClose[0])) and \(place(splitClose[1])), in different regions.",
                        mayAlsoReport: overlapNote(.southWest, .westCoast, "the buffers around the pair overlap")),
            PlantedCase(rule: .undersizedRegion, regions: [RegionRole.undersized.id],
                        schools: codes(undersized.technicalSchools),
                        why: "Only one school with technical pupils; the nearest other technical school, \(code(neighbour.school)) (\(neighbourRegion)), is \(km(neighbour.distance)) away, so it is not the only one in its catchment.",
                        mayAlsoReport: [SideEffect(.partOfLargerArea, [.undersized], "its two schools share one municipality, so its catchment area holds a neighbour's technical schools (the partner region depends on the catchment areas)")]),
            PlantedCase(rule: .partOfLargerArea,
                        regions: [RegionRole.smallInside.id, RegionRole.largeArea.id], schools: codes(data.members(of: .smallInside)),
                        why: "Both schools of \(RegionRole.smallInside.id) lie in \(data.municipalities[data.schools[data.members(of: .smallInside)[0]].municipality].name), 2–5 km from the corner shared by the four municipalities of \(RegionRole.largeArea.id), inside the ring of its six schools (nearest at \(km(measured.smallToLarge))); \(RegionRole.largeArea.id) has a technical school in that municipality too, so a catchment area of whole municipalities holds both regions.",
                        mayAlsoReport: overlapNote(.largeArea, .smallInside, "the small territory lies inside the large one")
                            + [SideEffect(.enclave, [.smallInside, .largeArea], "if the rule does not require the nearest school to be the host's (here each one's nearest school is the other)")]),
            PlantedCase(rule: .overlappingRegions,
                        regions: [RegionRole.crossWestEast.id, RegionRole.crossNorthSouth.id], schools: codes(cross),
                        why: "A plus sign: \(RegionRole.crossWestEast.id) has schools 7 km east and west of a grid corner, \(RegionRole.crossNorthSouth.id) 7 km north and south; each of the four municipalities holds one school of each. The convex hulls overlap by \(Writers.decimal(measured.crossOverlap.intersection / 1e6, 1)) km² (\(Writers.decimal(overlapShare * 100, 0)) % of the smaller hull), the default territories by \(Writers.decimal((measured.territoryOverlaps.first { $0.a == .crossWestEast }?.area ?? 0) / 1e6, 1)) km²; by municipalities the territories are identical. No school lies inside the other region's hull.",
                        mayAlsoReport: [SideEffect(.enclave, [.crossWestEast, .crossNorthSouth], "if territories are whole municipalities (each school then lies in the other region's territory)")]),
            PlantedCase(rule: .fragmentedRegion, regions: [RegionRole.fragmented.id],
                        schools: codes(data.members(of: .fragmented)),
                        why: "Two groups of two schools \(km(measured.fragmentedGap)) apart, in municipalities that do not touch; the municipalities between them have no school of any region.",
                        mayAlsoReport: []),
            PlantedCase(rule: .enclave,
                        regions: [RegionRole.enclaveOwner.id, RegionRole.enclaveHost.id], schools: codes(enclave),
                        why: "\(codes(enclave).joined()) belongs to \(RegionRole.enclaveOwner.id) but lies about 2 km from the corner shared by the four municipalities of \(RegionRole.enclaveHost.id), inside the ring of its six schools (nearest \(km(measured.enclaveToHost))); its own region's nearest other school is \(km(measured.enclaveToOwnRegion)) away.",
                        mayAlsoReport: overlapNote(.enclaveHost, .enclaveOwner, "the owner's territory reaches the enclave")
                            + [SideEffect(.fragmentedRegion, [.enclaveOwner], "if the gap setting is below \(km(summary(.enclaveOwner).largestGap)) (default \(setting(km: settings.fragmentGapMeters)))")]),
            PlantedCase(rule: .uncoveredSchool, regions: [], schools: codes(uncovered),
                        why: "A vmbo school with \(uncovered.first.map { data.technicalPupils($0) } ?? 0) technical pupils in \(uncovered.first.map(place) ?? "") that no region lists.",
                        mayAlsoReport: []),
            PlantedCase(rule: .techniekarm, regions: [RegionRole.technologyPoor.id], schools: [],
                        why: "Technical share \(percent(poor.share)) (\(poor.technicalPupils)/\(poor.countedPupils)); its lead has no technical pupils, which is allowed here, so lead-without-technology must not fire.",
                        mayAlsoReport: [SideEffect(.undersizedRegion, [.technologyPoor], "if the minimum number of technical pupils is set above \(poor.technicalPupils) (default \(settings.minimumTechnicalStudents))")]),
            PlantedCase(rule: .singleTechnologySchool, regions: [RegionRole.island.id], schools: codes(island),
                        why: "The island's only technical school; the nearest other technical school is \(km(measured.islandIsolation.distance)) away, across the water, and the island shares no border with the mainland.",
                        mayAlsoReport: [SideEffect(.undersizedRegion, [.island], "instead of this rule, if catchment areas must hold 2 technical schools and join the island to the mainland"),
                                        SideEffect(.partOfLargerArea, [.island], "likewise, with the region whose technical schools share the island's catchment area")]),
            PlantedCase(rule: .splitInstitution,
                        regions: [RegionRole.southCentre.id, RegionRole.southEast.id], schools: codes(splitInstitution),
                        why: "Two locations of institution \(data.schools[splitInstitution[0]].institutionCode), in \(place(splitInstitution[0])) and \(place(splitInstitution[1])), take part in different regions (allowed).",
                        mayAlsoReport: []),
        ]
    }

    var nearMisses: [NearMiss] {
        let west = schoolsMarked(.nearMissWest), east = schoolsMarked(.nearMissEast)
        let ten = summary(.southCentre), poor = summary(.technologyPoor)
        let closest = measured.closestOtherPair
        let tl = data.schools.indices.filter { i in data.pupilRows[i].contains { $0.sector == "Techniek" && $0.afdeling == "N.v.t." } }
        let route = data.schools.indices.filter { i in data.pupilRows[i].contains { $0.afdeling.contains("route") } }
        let havoTechniek = data.schools.indices.filter { i in data.pupilRows[i].contains { $0.afdeling == "Natuur en Techniek" } }
        let withoutRows = data.schools.indices.filter { data.pupilRows[$0].isEmpty }
        let withoutCoordinates = data.schools.indices.filter { data.schools[$0].omitsCoordinates }
        var mixed: [String] = []
        var seen = Set<String>()
        for school in data.schools where !seen.contains(school.institutionCode) {
            seen.insert(school.institutionCode)
            let locations = data.schools.filter { $0.institutionCode == school.institutionCode }
            if locations.contains(where: { $0.spec.regions.isEmpty }), locations.contains(where: { !$0.spec.regions.isEmpty }) {
                mixed.append(school.institutionCode)
            }
        }
        return [
            NearMiss(rule: Rule.splitCloseSchools.rawValue, regions: [RegionRole.southWest.id, RegionRole.southCentre.id],
                     schools: codes(west + east),
                     why: "\(km(measured.nearMiss)) apart: just over the \(setting(km: settings.closeByDistanceMeters)) default."),
            NearMiss(rule: Rule.splitCloseSchools.rawValue, regions: (data.schools[closest.a].spec.regions + data.schools[closest.b].spec.regions).map(\.id),
                     schools: [code(closest.a), code(closest.b)],
                     why: "The closest other pair of schools in different regions: \(km(closest.distance))."),
            NearMiss(rule: Rule.techniekarm.rawValue, regions: [RegionRole.southCentre.id], schools: [],
                     why: "Share exactly \(percent(ten.share)) (\(ten.technicalPupils)/\(ten.countedPupils)): not below \(setting(percent: settings.techniekarmShareBelow))."),
            NearMiss(rule: Rule.leadWithoutTechnology.rawValue, regions: [RegionRole.technologyPoor.id], schools: codes(poor.lead.map { [$0] } ?? []),
                     why: "The lead of a techniekarm region has no technical pupils: allowed."),
            NearMiss(rule: Rule.leadWithoutTechnology.rawValue, regions: [], schools: codes(tl),
                     why: "TL rows with VMBO SECTOR Techniek (AFDELING N.v.t.) are not technical profiles."),
            NearMiss(rule: "(technical share)", regions: [], schools: codes(havoTechniek),
                     why: "HAVO/VWO rows with AFDELING \"Natuur en Techniek\" are not vmbo profiles and not counted."),
            NearMiss(rule: "(technical share)", regions: [], schools: codes(route),
                     why: "A VMBO BL row with AFDELING \"Vakmanschapsroute Techniek\": counted, not technical unless the routes setting is on."),
            NearMiss(rule: Rule.splitInstitution.rawValue, regions: [], schools: mixed,
                     why: "Institutions with one location in a region and another (havo/vwo) in no region: not in two regions."),
            NearMiss(rule: Rule.unknownSchool.rawValue, regions: [], schools: codes(withoutRows),
                     why: "VSO schools without pupil rows (VSO is not in DUO's VO pupil file); they are in the register."),
            NearMiss(rule: Rule.uncoveredSchool.rawValue, regions: [], schools: codes(data.schools.indices.filter {
                data.schools[$0].spec.regions.isEmpty && data.technicalPupils($0) == 0 }),
                     why: "Schools in no region without technical pupils (havo/vwo, pro, vso, mavo): not uncovered."),
            NearMiss(rule: "(placement)", regions: [], schools: codes(withoutCoordinates),
                     why: "No lat/lon in schools.csv; their postcode's PC4 is in postcodes.csv, at the point the generator used."),
        ]
    }

    /// `planted.json`: `[{"rule", "severity", "regions", "schools", "why", "may_also_report": [{"rule", "regions", "note"}]}]`.
    var json: String {
        func list(_ items: [String]) -> String { "[" + items.map(Writers.json).joined(separator: ", ") + "]" }
        func list(_ ids: [RegionID]) -> String { list(ids.map(\.rawValue)) }
        let entries = cases.map { c in
            "  {\"rule\": \(Writers.json(c.rule.rawValue)), \"severity\": \(Writers.json(c.severity.rawValue)), "
                + "\"regions\": \(list(c.regions)), \"schools\": \(list(c.schools)),\n   \"why\": \(Writers.json(c.why)),\n"
                + "   \"may_also_report\": [" + c.mayAlsoReport.map { e in
                    "{\"rule\": \(Writers.json(e.rule.rawValue)), \"regions\": \(list(e.regions)), \"note\": \(Writers.json(e.note))}"
                }.joined(separator: ", ") + "]}"
        }
        return "[\n" + entries.joined(separator: ",\n") + "\n]\n"
    }

    /// `PLANTED.md`: the planted cases, the near misses and a table of the regions.
    var markdown: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = [
            "# Demo dataset: planted cases",
            "",
            "Generated by `regio-demo-generator --seed \(data.seed)` (Sources/regio-demo-generator); do not edit by hand.",
            "Everything is fictional: municipality codes GM9001–GM\(9000 + data.municipalities.count), BRIN codes 90–98 + two letters,",
            "postcodes 9901 and up. The area lies around RD New x 150–230 km, y 420–500 km, with an island about 14 km",
            "off the northern coast. Distances are in metres in EPSG:28992 (RD New), measured after a round trip",
            "through the written WGS84 coordinates.",
            "",
            "| file | contents |",
            "| --- | --- |",
            "| municipalities.geojson | \(data.municipalities.count) municipalities (one an island), RFC 7946 WGS84, properties statcode, statnaam |",
            "| schools.csv | \(data.schools.count) schools, `brin6;naam;plaatsnaam;postcode;gemeentenummer;onderwijsstructuur;lat;lon` |",
            "| postcodes.csv | \(data.postcodes.count) PC4 centroids in the layout of the 4pp file |",
            "| students.csv | \(data.pupilRows.reduce(0) { $0 + $1.count }) rows in the layout of DUO's pupils per vestiging per onderwijstype |",
            "| registrations.csv | \(RegionRole.allCases.count) regions, \(data.registrations.count) rows, `regio_id;regio_naam;brin6;rol` |",
            "| planted.json | the table below, machine-readable |",
            "",
            "## Planted cases (default settings: close-by \(setting(km: settings.closeByDistanceMeters)), at least "
                + "\(settings.minimumTechnicalSchools) technical schools, techniekarm below \(setting(percent: settings.techniekarmShareBelow)))",
            "",
            "Error-severity findings must be exactly the five error rows below. \"May also report\" lists findings",
            "the same situation can also produce, depending on how territories and catchments are drawn; they are",
            "not planted. A finding may name more regions than listed here when it names partners found through",
            "catchment areas (part-of-larger-area). Catchment-based rules depend on how catchment areas are drawn;",
            "the geometry behind each case is checked by the generator for every seed.",
            "",
            "| rule | severity | regions | schools | why | may also report |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for c in cases {
            lines.append("| `\(c.rule.rawValue)` | \(c.severity.rawValue) | \(c.regions.joined(separator: ", ")) | \(c.schools.joined(separator: ", ")) | "
                         + "\(cell(c.why)) | \(cell(c.mayAlsoReport.map { "`\($0.rule.rawValue)` (\($0.regions.joined(separator: ", "))): \($0.note)" }.joined(separator: "; "))) |")
        }
        lines += ["", "## Near misses (must not be reported)", "", "| rule | regions | schools | why |", "| --- | --- | --- | --- |"]
        for n in nearMisses {
            lines.append("| `\(n.rule)` | \(n.regions.joined(separator: ", ")) | \(n.schools.joined(separator: ", ")) | \(cell(n.why)) |")
        }
        lines += ["", "## Territory overlaps above the \(Self.plain(settings.overlapToleranceSquareKilometers)) km² edge tolerance", "",
                  "Default territory method: for each group of a region's schools linked within \(setting(km: settings.fragmentGapMeters)), the convex hull",
                  "buffered by \(setting(km: settings.territoryBufferMeters)), clipped to the municipality map. The generator checks that no other pair overlaps.", "",
                  "| regions | overlap | planted or side effect of |", "| --- | --- | --- |"]
        for o in measured.territoryOverlaps {
            let cause: String
            switch Set([o.a, o.b]) {
            case [.crossWestEast, .crossNorthSouth]: cause = "planted: " + Rule.overlappingRegions.rawValue
            case [.southWest, .westCoast]: cause = Rule.splitCloseSchools.rawValue
            case [.southEast, .east]: cause = Rule.schoolInMultipleRegions.rawValue
            case [.largeArea, .smallInside]: cause = Rule.partOfLargerArea.rawValue
            default: cause = Rule.enclave.rawValue
            }
            lines.append("| \(o.a.id), \(o.b.id) | \(Writers.decimal(o.area / 1e6, 1)) km² | \(cause) |")
        }
        lines += ["", "## Regions", "",
                  "Counted pupils: BB, KB and GL rows of year 3–4; technical: those in the five technical profiles.",
                  "Largest gap: the longest link needed to connect all schools of the region (single linkage).", "",
                  "| region | name | lead | schools | technical schools | counted | technical | share | largest gap |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for s in measured.summaries {
            let name = data.regionNames[s.role] ?? ""
            lines.append("| \(s.role.id) | \(cell(name)) | \(s.lead.map(code) ?? "–") | \(s.members.count) | "
                         + "\(s.technicalSchools.count) | \(s.countedPupils) | \(s.technicalPupils) | \(percent(s.share)) | "
                         + "\(s.members.count > 1 ? km(s.largestGap) : "–") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
