import RegioDomain
import RegioSpatial

/// Place names (PLAATSNAAM) and fictional postcode areas for the schools.
enum Places {
    /// A school farther than this from its town's centre gets a village of its own, metres.
    static let townRadius = 2_500.0
    /// A school within this distance of an existing village of its municipality belongs to it, metres.
    static let villageRadius = 1_500.0
    /// The first fictional PC4 code; the demo uses 9901–9999.
    static let firstPostcode = 9901

    /// Gives every school a settlement: its municipality's main town, or a village, which is created
    /// when no village is near. Returns all settlements: the main towns first, in municipality order
    /// (so that settlement *i* < count is the town of municipality *i*), then the villages.
    static func settle(_ schools: inout [DemoSchool], municipalities: [DemoMunicipality], shapes: MunicipalityShapes,
                       random: inout SplitMix64) throws -> [Settlement] {
        var settlements = municipalities.enumerated().map { index, municipality in
            Settlement(name: municipality.name, municipality: index, centre: municipality.town, isMainTown: true)
        }
        var names = random.shuffled(PlaceNames.villages)[...]
        func newVillage(in municipality: Int, at centre: Point) throws -> Int {
            guard let name = names.popFirst() else { throw DrawRejected(reason: "ran out of village names") }
            settlements.append(Settlement(name: name, municipality: municipality, centre: centre, isMainTown: false))
            return settlements.count - 1
        }

        for index in schools.indices {
            let school = schools[index], m = school.municipality
            if school.position.distance(to: municipalities[m].town) <= townRadius {
                schools[index].settlement = m
            } else if let village = settlements.indices.first(where: {
                !settlements[$0].isMainTown && settlements[$0].municipality == m
                    && settlements[$0].centre.distance(to: school.position) <= villageRadius
            }) {
                schools[index].settlement = village
            } else {
                // The village centre lies a few hundred metres from the school, inside the municipality.
                var centre = school.position
                for _ in 0..<20 {
                    let candidate = pointInDisc(around: school.position, radius: 500, random: &random)
                    if try shapes.contains(candidate, municipality: m, margin: 200) {
                        centre = candidate
                        break
                    }
                }
                schools[index].settlement = try newVillage(in: m, at: centre)
            }
        }

        // A few villages without a secondary school, so that the postcode file is not only school towns.
        for (m, municipality) in municipalities.enumerated() where municipality.cell != nil {
            guard random.chance(0.3) else { continue }
            for _ in 0..<20 {
                let candidate = pointInDisc(around: municipality.town, radius: 4_500, random: &random)
                if candidate.distance(to: municipality.town) >= townRadius,
                   try shapes.contains(candidate, municipality: m, margin: 500) {
                    _ = try newVillage(in: m, at: candidate)
                    break
                }
            }
        }
        return settlements
    }

    /// One or two PC4 areas per main town (two when it has two or more schools), one per village, and
    /// two post-office-box codes, numbered from ``firstPostcode`` in municipality-code order.
    static func postcodes(settlements: [Settlement], schools: [DemoSchool], municipalities: [DemoMunicipality],
                          shapes: MunicipalityShapes, random: inout SplitMix64) throws -> [PostcodeArea] {
        let order = municipalities.indices.sorted { municipalities[$0].number < municipalities[$1].number }
        let schoolsPerTown = municipalities.indices.map { m in schools.filter { $0.settlement == m }.count }
        // The two towns with the most schools also get a post-office-box code (soort "Postbus").
        let postboxTowns = Set(order.sorted { schoolsPerTown[$0] > schoolsPerTown[$1] }.prefix(2))

        var areas: [PostcodeArea] = []
        var code = firstPostcode
        func add(_ settlement: Int, _ centroid: Point, _ kind: String) {
            areas.append(PostcodeArea(code: code, settlement: settlement, centroid: centroid, kind: kind))
            code += 1
        }
        for m in order {
            add(m, municipalities[m].town, "Adres")
            if schoolsPerTown[m] >= 2 {
                for _ in 0..<20 {
                    let candidate = pointInDisc(around: municipalities[m].town, radius: 1_400, random: &random)
                    if candidate.distance(to: municipalities[m].town) >= 900,
                       try shapes.contains(candidate, municipality: m, margin: 200) {
                        add(m, candidate, "Adres")
                        break
                    }
                }
            }
            if postboxTowns.contains(m) { add(m, municipalities[m].town, "Postbus") }
            for village in settlements.indices where !settlements[village].isMainTown && settlements[village].municipality == m {
                add(village, settlements[village].centre, "Adres")
            }
        }
        guard code <= 10_000 else { throw DrawRejected(reason: "more than 99 postcode areas") }
        return areas
    }

    /// Gives every school a DUO-style postcode: the nearest address PC4 of its settlement plus two letters.
    static func assignPostcodes(_ schools: inout [DemoSchool], areas: [PostcodeArea], random: inout SplitMix64) throws {
        for index in schools.indices {
            let school = schools[index]
            let nearest = areas.filter { $0.settlement == school.settlement && $0.kind == "Adres" }
                .min { $0.centroid.distance(to: school.position) < $1.centroid.distance(to: school.position) }
            guard let nearest else { throw DrawRejected(reason: "settlement without a postcode") }
            schools[index].postcode = String(nearest.code) + SchoolNaming.postcodeLetters(random: &random)
        }
    }
}
