import Foundation
import RegioDomain
import RegioSpatial

/// A school (*vestiging*) of the demo register, while the dataset is drawn.
///
/// Independent of RegioDomain's `School` on purpose: that one is a register row as a reader of `schools.csv`
/// gets it. The generator fills a school in step by step (position, then settlement and postcode, then code,
/// name and structure) and needs its design (``SchoolSpec``: regions, lead, planted mark) and its
/// municipality and settlement as indices, none of which a register row carries.
struct DemoSchool {
    let spec: SchoolSpec
    /// RD New metres. For a school written without coordinates this is its postcode's centroid.
    var position: Point
    /// Index into the municipality list.
    let municipality: Int
    /// Index into the settlement list (its PLAATSNAAM).
    var settlement = 0
    /// DUO style, e.g. "9901KT".
    var postcode = ""
    /// The 4-character BRIN of its institution, e.g. "93KL".
    var institutionCode = ""
    /// The location number within the institution (00, 01, …).
    var locationNumber = 0
    var name = ""
    /// DUO's ONDERWIJSSTRUCTUUR, e.g. "VBO/MAVO".
    var structure = ""

    /// The 6-character BRIN code, e.g. "93KL01".
    var code: String { institutionCode + (locationNumber < 10 ? "0" : "") + String(locationNumber) }

    /// Whether the register leaves its lat/lon empty, so that readers must place it by postcode.
    var omitsCoordinates: Bool {
        if case .townCentreWithoutCoordinates = spec.placement { return true }
        return false
    }
}

/// Puts the designed schools on the map: each inside its municipality (at least `boundaryMargin`
/// from the border), no two closer than `minimumSpacing`, and schools of different regions at least
/// ``Design/minimumCrossRegionDistance`` apart unless they are a planted pair.
struct SchoolPlacer {
    let grid: MunicipalityGrid
    let island: Island
    let shapes: MunicipalityShapes
    /// The main town of each municipality, RD New metres.
    let towns: [Point]
    /// The municipality index of a cell (`nil`: the island).
    let municipalityIndex: (Cell?) -> Int

    /// Distance a school keeps from its municipality's border, metres.
    static let boundaryMargin = 300.0
    /// Distance between any two schools, metres.
    static let minimumSpacing = 400.0
    /// Radius around the town centre within which town schools are put, metres.
    static let townSpread = 1_500.0
    /// Radius around the island's centre within which island schools are put, metres.
    static let islandSpread = 1_200.0

    /// Positions for `specs`, in the same order. Fixed placements (edges, vertices) go first, so that
    /// the free ones make room for them. Throws ``DrawRejected`` when a position cannot be found.
    func place(_ specs: [SchoolSpec], random: inout SplitMix64) throws -> [Point] {
        func priority(_ placement: Placement) -> Int {
            switch placement {
            case .acrossEdge, .fromVertex: return 0
            case .townCentreWithoutCoordinates: return 1
            case .island: return 2
            case .town: return 3
            }
        }
        let order = specs.indices.sorted { (priority(specs[$0].placement), $0) < (priority(specs[$1].placement), $1) }
        var positions = [Point?](repeating: nil, count: specs.count)
        for index in order {
            let spec = specs[index]
            let home = municipalityIndex(spec.cell)
            var found: Point?
            let attempts: Int
            switch spec.placement {
            case .acrossEdge, .townCentreWithoutCoordinates: attempts = 1
            case .fromVertex: attempts = 60
            case .island, .town: attempts = 400
            }
            for _ in 0..<attempts {
                let candidate = propose(spec, home: home, random: &random)
                if try fits(candidate, index, specs: specs, home: home, placed: positions) {
                    found = candidate
                    break
                }
            }
            guard let found else {
                throw DrawRejected(reason: "no room for school \(index) (\(spec.institution)) in cell "
                                   + (spec.cell?.description ?? "island"))
            }
            positions[index] = found
        }
        return positions.map { $0 ?? Point(x: 0, y: 0) }
    }

    private func propose(_ spec: SchoolSpec, home: Int, random: inout SplitMix64) -> Point {
        switch spec.placement {
        case .town:
            return pointInDisc(around: towns[home], radius: Self.townSpread, random: &random)
        case .townCentreWithoutCoordinates:
            return towns[home]
        case let .fromVertex(i, j, dx, dy):
            let v = grid.vertex(i, j)
            return Point(x: v.x + dx + random.jitter(300), y: v.y + dy + random.jitter(300))
        case let .acrossEdge(edge, offset):
            let (mid, normal) = grid.midpoint(of: edge)
            return Point(x: mid.x + normal.x * offset, y: mid.y + normal.y * offset)
        case .island:
            return pointInDisc(around: island.centre, radius: Self.islandSpread, random: &random)
        }
    }

    private func fits(_ p: Point, _ index: Int, specs: [SchoolSpec], home: Int, placed: [Point?]) throws -> Bool {
        guard try shapes.contains(p, municipality: home, margin: Self.boundaryMargin) else { return false }
        let spec = specs[index]
        for (other, position) in placed.enumerated() {
            guard let position else { continue }
            let distance = p.distance(to: position)
            if distance < Self.minimumSpacing { return false }
            if Self.needsRegionGap(spec, specs[other]), distance < Design.minimumCrossRegionDistance { return false }
        }
        return true
    }

    /// Whether two schools must keep ``Design/minimumCrossRegionDistance``: both in a region, no
    /// region in common, and not one of the planted pairs.
    static func needsRegionGap(_ a: SchoolSpec, _ b: SchoolSpec) -> Bool {
        guard !a.regions.isEmpty, !b.regions.isEmpty else { return false }
        guard Set(a.regions).isDisjoint(with: b.regions) else { return false }
        let marks: Set<Mark?> = [a.mark, b.mark]
        if marks == [.splitCloseSouth, .splitCloseNorth] || marks == [.nearMissWest, .nearMissEast] { return false }
        return true
    }
}

/// A uniform point in the disc of `radius` metres around `centre`.
func pointInDisc(around centre: Point, radius: Double, random: inout SplitMix64) -> Point {
    let r = radius * random.unit().squareRoot()
    let angle = random.uniform(0, 2 * Double.pi)
    return Point(x: centre.x + r * cos(angle), y: centre.y + r * sin(angle))
}

/// Names, codes and ONDERWIJSSTRUCTUUR for the schools.
enum SchoolNaming {
    static let denominations = ["Christelijke", "Openbare", "Katholieke", "Interconfessionele", "Protestants-christelijke"]
    static let houseNames = [
        "De Lindeboom", "Het Baken", "De Brug", "Het Rietland", "De Wissel", "Het Stroomdal", "De Eemhof",
        "Het Veenland", "De Kroonvaart", "Het Molenhuis", "Het Ravelijn", "De Hoge Weide", "Het Kompas",
        "De Zandberg", "De Vlonder", "Het Esdal", "De Klaproos", "De Sleutel", "Het Anker", "De Meander",
        "Het Zwanenhof", "De Boomgaard", "Het Hooghe Land", "Het Drieland", "De Kolk", "Het Binnenveld",
    ]
    static let founders = [
        "Willem Hesselink", "Maria van Arkel", "Jan van Brakel", "Hendrik Toller", "Anna Roelofs",
        "Gerrit Bosch", "Clara Wessels", "Albert Verhoef", "Titus Elders", "Johanna Smeenk", "Pieter Haverkamp",
    ]
    static let streets = [
        "Kerkstraat", "Molenweg", "Julianalaan", "Stationsweg", "Beukenlaan", "Schoolstraat", "Dorpsstraat",
        "Industrieweg", "Parklaan", "Vaartweg", "Esweg", "Lindelaan", "Sportlaan", "Kanaalweg",
    ]

    /// ONDERWIJSSTRUCTUUR as DUO writes it.
    static func structure(of kind: DemoSchoolKind, random: inout SplitMix64) -> String {
        switch kind {
        case let .vmbo(level, withHavoVwo):
            if withHavoVwo { return "VBO/MAVO/HAVO/VWO" }
            if case .noneButTheoreticalTechnology = level { return "VBO/MAVO" }
            return random.chance(0.25) ? "VBO" : "VBO/MAVO"
        case .mavo: return "MAVO"
        case .praktijkonderwijs: return "PRO"
        case .havoVwo: return "HAVO/VWO"
        case .vso: return "VSO"
        }
    }

    /// A name for an institution whose main location is of `kind`, in `town`. `broad` is true when it
    /// also has havo/vwo pupils, so that it is not called a *vakcollege*.
    static func institutionName(kind: DemoSchoolKind, broad: Bool, town: String, random: inout SplitMix64) -> String {
        let house = random.element(of: houseNames) ?? "Het Baken"
        switch kind {
        case .vmbo:
            switch random.integer(in: 0...3) {
            case 0: return "\(random.element(of: denominations) ?? "Openbare") Scholengemeenschap \(house)"
            case 1: return "\(random.element(of: founders) ?? "Jan van Brakel") College"
            case 2 where broad: return "Regionale Scholengemeenschap \(town)"
            case 2: return "Vakcollege \(town)"
            default: return "Scholengemeenschap \(house) \(town)"
            }
        case .mavo: return random.chance(0.5) ? "Mavo \(town)" : "\(house) Mavo"
        case .praktijkonderwijs: return random.chance(0.5) ? "Praktijkschool \(town)" : "Praktijkonderwijs \(house)"
        case .havoVwo:
            return random.chance(0.5) ? "Lyceum \(town)" : "\(random.element(of: founders) ?? "Titus Elders") Lyceum"
        case .vso: return "VSO \(house)"
        }
    }

    /// Distinct random institution codes: two digits 90–98 and two capital letters. The prefix 99 is
    /// kept free for the planted unknown code.
    static func institutionCodes(count: Int, random: inout SplitMix64) -> [String] {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var codes: [String] = []
        var taken = Set<String>()
        while codes.count < count {
            let code = String(random.integer(in: 90...98)) + String(letters[random.integer(in: 0...25)])
                + String(letters[random.integer(in: 0...25)])
            if taken.insert(code).inserted { codes.append(code) }
        }
        return codes
    }

    /// Two postcode letters, avoiding the combinations PostNL does not issue (SA, SD, SS).
    static func postcodeLetters(random: inout SplitMix64) -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTVWXZ")
        while true {
            let pair = String(letters[random.integer(in: 0...(letters.count - 1))])
                + String(letters[random.integer(in: 0...(letters.count - 1))])
            if !["SA", "SD", "SS"].contains(pair) { return pair }
        }
    }
}
