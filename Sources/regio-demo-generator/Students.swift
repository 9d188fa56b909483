import RegioDomain

/// How the demo writes and draws RegioDomain's ``Profile``: DUO's labels and element codes, and the share
/// of boys. Reading goes through the domain (`Profile(duoDepartment:)`), so that the rows are counted
/// exactly as the audit counts them.
extension Profile {
    /// The AFDELING value DUO writes (it capitalises "Techniek" in "Maritiem en Techniek" here only).
    var duoDepartment: String { self == .mat ? "Maritiem en Techniek" : dutchName }

    /// The VMBO SECTOR value of one of the ten vmbo profiles.
    var sector: String {
        switch self {
        case .bwi, .pie, .mt, .mat, .mvi: return "Techniek"
        case .zw: return "Zorg & Welzijn"
        case .eo, .hbr: return "Economie"
        case .dp: return "Intersect. programma"
        case .groen: return "Landbouw"
        case .technicalRoute, .other: return "N.v.t."
        }
    }

    /// The second digit of DUO's element code (6011 is BB Bouwen, wonen en interieur).
    var codeDigit: Int {
        switch self {
        case .bwi: return 0
        case .pie: return 1
        case .mt: return 2
        case .mvi: return 3
        case .eo: return 4
        case .hbr: return 5
        case .zw: return 6
        case .groen: return 7
        case .mat: return 8
        case .dp: return 9
        case .technicalRoute, .other: return 0
        }
    }

    /// Typical fraction of boys in one of the ten vmbo profiles, for splitting counts into MAN and VROUW;
    /// `nil` for the routes and other rows.
    var shareOfBoys: Double? {
        switch self {
        case .bwi, .pie, .mt, .mat: return 0.93
        case .mvi: return 0.7
        case .zw: return 0.12
        case .eo: return 0.55
        case .hbr: return 0.45
        case .dp: return 0.45
        case .groen: return 0.5
        case .technicalRoute, .other: return nil
        }
    }

    /// The technical profiles a school draws from, in draw order (Maritiem en techniek only on the island).
    static let drawnTechnical: [Profile] = [.pie, .bwi, .mt, .mvi]
    /// The other vmbo profiles a school draws from, in draw order.
    static let drawnOther: [Profile] = [.zw, .eo, .dp, .hbr, .groen]
}

/// How the demo writes RegioDomain's vocational ``Track``s in DUO's pupil file.
extension Track {
    /// The ONDERWIJSTYPE value of year 3–4 (DUO writes BL and KL for BB and KB).
    var duoEducationType: String {
        switch self {
        case .bb: return "VMBO BL lj 3-4"
        case .kb: return "VMBO KL lj 3-4"
        case .gl: return "VMBO GL lj 3-4"
        case .tl: return "VMBO TL lj 3-4"
        }
    }

    /// Third digit of the regular element code (6011, 6021, 6031).
    var codeDigit: Int {
        switch self {
        case .bb: return 1
        case .kb: return 2
        case .gl: return 3
        case .tl: return 0
        }
    }
}

/// One row of DUO's "leerlingen vo per vestiging naar onderwijstype" for one school.
struct PupilRow {
    let onderwijstype: String
    let sector: String
    let afdeling: String
    let elementcode: String
    let opleidingsnaam: String
    /// Twelve counts: year 1 man, year 1 vrouw, year 2 man, …, year 6 vrouw.
    var counts: [Int]

    /// Whether the domain counts this row (BB, KB or GL in year 3–4), read as the audit reads it.
    var isCounted: Bool { Track(duoEducationType: onderwijstype)?.isCounted ?? false }
    /// Whether the row is a counted row in one of the five technical profiles, read as the audit reads it.
    var isTechnical: Bool { isCounted && Profile(duoDepartment: afdeling).isTechnical }
    /// Pupils in year 3 and 4, men and women.
    var yearsThreeAndFour: Int { counts[4] + counts[5] + counts[6] + counts[7] }

    /// Adds `total` pupils in `year` (1–6), split into boys and girls with `shareOfBoys`.
    mutating func add(_ total: Int, year: Int, shareOfBoys: Double, random: inout SplitMix64) {
        let boys = min(total, max(0, Int((Double(total) * shareOfBoys + random.jitter(1.5)).rounded())))
        counts[(year - 1) * 2] += boys
        counts[(year - 1) * 2 + 1] += total - boys
    }

    init(_ onderwijstype: String, _ sector: String, _ afdeling: String, _ elementcode: String, _ opleidingsnaam: String) {
        self.onderwijstype = onderwijstype
        self.sector = sector
        self.afdeling = afdeling
        self.elementcode = elementcode
        self.opleidingsnaam = opleidingsnaam
        counts = Array(repeating: 0, count: 12)
    }
}

/// Makes believable pupil rows for each kind of school, and tunes two regions' technical shares.
enum PupilCounts {
    /// The rows of one school. Rows of a `.tunedShare` technical profile are left empty: their sizes are
    /// set afterwards by ``tune(rows:members:target:random:)``.
    static func rows(for spec: SchoolSpec, structure: String, random: inout SplitMix64) -> [PupilRow] {
        switch spec.kind {
        case let .vmbo(level, withHavoVwo):
            var rows = vmboRows(level: level, island: spec.mark == .islandTechnology,
                                withRoute: spec.mark == nil && spec.isLead && spec.regions == [.westCoast],
                                random: &random)
            if structure.contains("MAVO") {
                rows += theoreticalRows(withTechnology: level == .noneButTheoreticalTechnology || random.chance(0.4),
                                        random: &random)
            }
            rows += lowerYears(vocational: true, theoretical: structure.contains("MAVO"), havoVwo: withHavoVwo,
                               random: &random)
            if withHavoVwo { rows += havoVwoRows(random: &random) }
            return rows
        case .mavo:
            return theoreticalRows(withTechnology: random.chance(0.5), random: &random)
                + lowerYears(vocational: false, theoretical: true, havoVwo: false, random: &random)
        case .praktijkonderwijs:
            var row = PupilRow("Praktijkonderwijs alle vj", "N.v.t.", "N.v.t.", "0090", "Praktijkonderwijs")
            for year in 1...5 { row.add(random.integer(in: 12...40), year: year, shareOfBoys: 0.62, random: &random) }
            row.add(random.integer(in: 0...4), year: 6, shareOfBoys: 0.6, random: &random)
            return [row]
        case .havoVwo:
            return lowerYears(vocational: false, theoretical: false, havoVwo: true, random: &random)
                + havoVwoRows(random: &random)
        case .vso:
            return []   // VSO pupils are not in DUO's VO pupil file.
        }
    }

    /// BB/KB/GL rows in year 3–4 (the ones the domain counts).
    private static func vmboRows(level: TechnologyLevel, island: Bool, withRoute: Bool,
                                 random: inout SplitMix64) -> [PupilRow] {
        let technical: [Profile], other: [Profile]
        switch level {
        case .strong:
            technical = island ? [.mat, .pie] : random.sample(Profile.drawnTechnical, count: random.integer(in: 2...3))
            other = random.sample(Profile.drawnOther, count: random.integer(in: 2...4))
        case .modest:
            technical = random.sample(Profile.drawnTechnical, count: 1)
            other = random.sample(Profile.drawnOther, count: random.integer(in: 2...4))
        case .none, .noneButTheoreticalTechnology:
            technical = []
            other = random.sample(Profile.drawnOther, count: random.integer(in: 2...3))
        case .tunedShare:
            technical = random.sample([Profile.bwi, .pie], count: 1)
            other = random.sample(Profile.drawnOther, count: 2)
        }
        let offersGL = random.chance(0.5)
        var rows: [PupilRow] = []
        for profile in technical + other {
            var tracks: [Track] = [.bb, .kb]
            if offersGL, random.chance(0.6) { tracks.append(.gl) }
            if level == .tunedShare, profile.isTechnical { tracks = [.bb, .kb] }
            for track in tracks {
                var row = PupilRow(track.duoEducationType, profile.sector, profile.duoDepartment,
                                   "6\(profile.codeDigit)\(track.codeDigit)1",
                                   "VMBO \(track.rawValue) \(profile.dutchName)")
                if !(level == .tunedShare && profile.isTechnical) {
                    let range = track == .gl ? 10...30 : 10...60
                    for year in 3...4 { row.add(random.integer(in: range), year: year, shareOfBoys: profile.shareOfBoys ?? 0.5, random: &random) }
                }
                rows.append(row)
                // Pupils with learning support (LWOO) are a separate element code in the same profile.
                if track != .gl, !(level == .tunedShare && profile.isTechnical), random.chance(0.35) {
                    let lwooDigit = track == .bb ? 5 : 6
                    var lwoo = PupilRow(track.duoEducationType, profile.sector, profile.duoDepartment,
                                        "6\(profile.codeDigit)\(lwooDigit)5",
                                        "LWOO \(track.rawValue) \(profile.dutchName)")
                    for year in 3...4 { lwoo.add(random.integer(in: 3...12), year: year, shareOfBoys: profile.shareOfBoys ?? 0.5, random: &random) }
                    rows.append(lwoo)
                }
            }
        }
        if withRoute {
            // The technical craftsmanship route: counted, but not technical unless a setting says so.
            var route = PupilRow(Track.bb.duoEducationType, "Techniek", "Vakmanschapsroute Techniek", "4511",
                                 "VMBO BB Vakmanschapsroute Techniek Niveau-2")
            for year in 3...4 { route.add(random.integer(in: 6...14), year: year, shareOfBoys: 0.9, random: &random) }
            rows.append(route)
        }
        return rows
    }

    /// Theoretical-track rows (AFDELING "N.v.t.", only the old sector label): never counted.
    private static func theoreticalRows(withTechnology: Bool, random: inout SplitMix64) -> [PupilRow] {
        var sectors: [(String, String, String, Double)] = [
            ("Economie", "0472", "MAVO/Theor Lw-Profiel Economie", 0.5),
            ("Zorg & Welzijn", "0471", "MAVO/Theor Lw-Profiel Zorg en Welzijn", 0.3),
        ]
        if withTechnology { sectors.append(("Techniek", "0470", "MAVO/Theor Lw-Profiel Techniek", 0.9)) }
        if random.chance(0.3) { sectors.append(("Landbouw", "0473", "MAVO/Theor Lw-Profiel Landbouw", 0.55)) }
        return sectors.map { sector, code, name, boys in
            var row = PupilRow("VMBO TL lj 3-4", sector, "N.v.t.", code, name)
            for year in 3...4 { row.add(random.integer(in: 15...60), year: year, shareOfBoys: boys, random: &random) }
            return row
        }
    }

    /// Year 1–2 (*brugjaar*) rows.
    private static func lowerYears(vocational: Bool, theoretical: Bool, havoVwo: Bool,
                                   random: inout SplitMix64) -> [PupilRow] {
        var kinds: [(String, String)] = []
        if vocational { kinds.append(("0033", "Ljvb op VMBO-Bbg/Kbg Lw")) }
        if theoretical { kinds.append(("0013", "Ljvb op VMBO-Th/Gm Lw")) }
        if havoVwo { kinds.append(("0015", "Ljvb op VWO/HAVO")) }
        return kinds.map { code, name in
            var row = PupilRow("Brugjaar 1-2", "N.v.t.", "N.v.t.", code, name)
            for year in 1...2 { row.add(random.integer(in: 30...110), year: year, shareOfBoys: 0.5, random: &random) }
            return row
        }
    }

    /// Upper havo and vwo rows; their AFDELING values ("Natuur en Techniek"…) are not vmbo profiles.
    private static func havoVwoRows(random: inout SplitMix64) -> [PupilRow] {
        let havo: [(String, String, String)] = [
            ("Natuur en Techniek", "0370", "HAVO Prf Nat/Tech"), ("Natuur en Gezondheid", "0371", "HAVO Prf Nat/Gezond"),
            ("Economie en Maatschappij", "0372", "HAVO Prf Ec/Maat"), ("Cultuur en Maatschappij", "0373", "HAVO Prf Cul/Maat"),
        ]
        let vwo: [(String, String, String)] = [
            ("Natuur en Techniek", "0170", "VWO-ATH Prf Nat/Tech"), ("Natuur en Gezondheid", "0171", "VWO-ATH Prf Nat/Gezond"),
            ("Economie en Maatschappij", "0172", "VWO-ATH Prf Ec/Maat"), ("Cultuur en Maatschappij", "0173", "VWO-ATH Prf Cul/Maat"),
        ]
        var rows: [PupilRow] = []
        for (code, name) in [("0300", "HAVO"), ("0100", "VWO-ATHENEUMSTROOM")] {
            var row = PupilRow("HAVO/VWO lj 3", "N.v.t.", "N.v.t.", code, name)
            row.add(random.integer(in: 25...90), year: 3, shareOfBoys: 0.48, random: &random)
            rows.append(row)
        }
        for (afdeling, code, name) in havo {
            var row = PupilRow("HAVO lj 4-5", "N.v.t.", afdeling, code, name)
            let boys = afdeling == "Natuur en Techniek" ? 0.75 : 0.45
            for year in 4...5 { row.add(random.integer(in: 10...45), year: year, shareOfBoys: boys, random: &random) }
            rows.append(row)
        }
        for (afdeling, code, name) in vwo {
            var row = PupilRow("VWO lj 4-6", "N.v.t.", afdeling, code, name)
            let boys = afdeling == "Natuur en Techniek" ? 0.7 : 0.45
            for year in 4...6 { row.add(random.integer(in: 8...35), year: year, shareOfBoys: boys, random: &random) }
            rows.append(row)
        }
        return rows
    }

    /// How a tuned region's share is set.
    enum ShareTarget {
        /// technical / counted is exactly 1/10 (not below 10 %, so not techniekarm).
        case exactlyTenPercent
        /// technical / counted is as close to `fraction` as whole pupils allow.
        case about(Double)
    }

    /// Fills the empty technical rows of the members' `.tunedShare` schools so that the region's share
    /// hits `target`. `rows` holds every school's rows; `members` are the indices of the region's schools.
    static func tune(rows: inout [[PupilRow]], members: [Int], target: ShareTarget, random: inout SplitMix64) throws {
        // The empty technical rows are the slots to fill: each (school, row) gets years 3 and 4.
        var slots: [(school: Int, row: Int, year: Int)] = []
        var other = 0
        var firstOtherRow: (school: Int, row: Int)?
        for school in members {
            for (r, row) in rows[school].enumerated() where row.isCounted {
                if row.isTechnical {
                    guard row.yearsThreeAndFour == 0 else {
                        throw DrawRejected(reason: "a tuned region has a technical school that is not tuned")
                    }
                    slots.append((school, r, 3))
                    slots.append((school, r, 4))
                } else {
                    other += row.yearsThreeAndFour
                    if firstOtherRow == nil { firstOtherRow = (school, r) }
                }
            }
        }
        guard !slots.isEmpty, let padRow = firstOtherRow else {
            throw DrawRejected(reason: "a tuned region has no technical or no other rows")
        }
        let technical: Int
        switch target {
        case .exactlyTenPercent:
            // technical / (technical + other) = 1/10  ⇔  other = 9 × technical: pad `other` to a multiple of 9.
            let pad = (9 - other % 9) % 9
            if pad > 0 {
                let boys = Profile(duoDepartment: rows[padRow.school][padRow.row].afdeling).shareOfBoys ?? 0.5
                rows[padRow.school][padRow.row].add(pad, year: 3, shareOfBoys: boys, random: &random)
            }
            technical = (other + pad) / 9
        case let .about(fraction):
            technical = Int((fraction / (1 - fraction) * Double(other)).rounded())
        }
        // Spread `technical` over the slots as evenly as whole pupils allow.
        for (k, slot) in slots.enumerated() {
            let amount = technical / slots.count + (k < technical % slots.count ? 1 : 0)
            let boys = Profile(duoDepartment: rows[slot.school][slot.row].afdeling).shareOfBoys ?? 0.9
            rows[slot.school][slot.row].add(amount, year: slot.year, shareOfBoys: boys, random: &random)
        }
    }
}
