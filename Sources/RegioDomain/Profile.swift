/// A vmbo profile (DUO's AFDELING). The first five are the technical profiles that count for funding.
public enum Profile: String, CaseIterable, Sendable, Codable, Comparable {
    case bwi = "BWI", pie = "PIE", mt = "M&T", mat = "MaT", mvi = "MVI"
    case zw = "Z&W", eo = "E&O", hbr = "HBR", dp = "D&P", groen = "GR"
    /// `Vakmanschapsroute Techniek` / `Beroepsroute Techniek`: counted as technical only when a setting says so.
    case technicalRoute = "route-techniek"
    /// Other routes and anything DUO lists that is none of the above (`N.v.t.` for TL, other routes).
    case other = "other"

    /// The five technical profiles of the programme.
    public static let technical: [Profile] = [.bwi, .pie, .mt, .mat, .mvi]

    public var isTechnical: Bool { Profile.technical.contains(self) }

    /// The profile of a DUO AFDELING value.
    public init(duoDepartment text: String) {
        switch text.trimmedSpaces {
        case "Bouwen, wonen en interieur": self = .bwi
        case "Produceren, installeren en energie": self = .pie
        case "Mobiliteit en transport": self = .mt
        case "Maritiem en Techniek": self = .mat
        case "Media, vormgeving en ICT": self = .mvi
        case "Zorg en welzijn": self = .zw
        case "Economie en ondernemen": self = .eo
        case "Horeca, bakkerij en recreatie": self = .hbr
        case "Dienstverlening en producten": self = .dp
        case "Groen": self = .groen
        case "Vakmanschapsroute Techniek", "Beroepsroute Techniek": self = .technicalRoute
        default: self = .other
        }
    }

    /// The Dutch name of the profile.
    public var dutchName: String {
        switch self {
        case .bwi: "Bouwen, wonen en interieur"
        case .pie: "Produceren, installeren en energie"
        case .mt: "Mobiliteit en transport"
        case .mat: "Maritiem en techniek"
        case .mvi: "Media, vormgeving en ICT"
        case .zw: "Zorg en welzijn"
        case .eo: "Economie en ondernemen"
        case .hbr: "Horeca, bakkerij en recreatie"
        case .dp: "Dienstverlening en producten"
        case .groen: "Groen"
        case .technicalRoute: "Vakmanschaps-/beroepsroute techniek"
        case .other: "overig"
        }
    }

    public static func < (a: Profile, b: Profile) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

import Foundation
