/// A school location (*vestiging*), the unit of every rule: every location counts as a separate school.
public struct School: Sendable, Hashable, Codable, Identifiable {
    public let code: SchoolCode
    public var name: String
    /// Town (*plaatsnaam*), as registered.
    public var town: String
    /// Postcode as registered ("9406 NN" or "9406NN"); may be empty.
    public var postcode: String
    /// The municipality the register gives (CBS code such as `GM0106`), if any.
    public var registeredMunicipality: String?
    /// DUO's ONDERWIJSSTRUCTUUR ("VBO/MAVO", "PRO", "HAVO/VWO", …).
    public var structure: String
    /// Location in EPSG:28992 (RD New), metres; `nil` when it could not be placed.
    public var location: Point?
    /// How the location was obtained.
    public var placement: Placement

    public var id: SchoolCode { code }

    /// How a school's location was obtained.
    public enum Placement: String, Sendable, Hashable, Codable {
        /// From coordinates in the input.
        case coordinates
        /// At the centroid of its 4-digit postcode: approximate (typically within a few km).
        case postcodeCentroid = "postcode-centroid"
        /// Not placed: no coordinates and no postcode centroid.
        case unplaced
    }

    public init(code: SchoolCode, name: String, town: String = "", postcode: String = "",
                registeredMunicipality: String? = nil, structure: String = "",
                location: Point?, placement: Placement) {
        self.code = code
        self.name = name
        self.town = town
        self.postcode = postcode
        self.registeredMunicipality = registeredMunicipality
        self.structure = structure
        self.location = location
        self.placement = placement
    }

    /// The kind of school, from its education structure.
    public var kind: SchoolKind { SchoolKind(structure: structure) }

    /// The town as people write it ("Bergen op Zoom" for DUO's "BERGEN OP ZOOM"): ``DutchPlaceName/display(_:)``.
    /// Letters, report headers, maps and exports show this; ``town`` keeps the register's spelling.
    public var townDisplayName: String { DutchPlaceName.display(town) }

    /// "00AB01 (Het College, Emmen)": how messages name a school.
    public var label: String {
        let place = town.isEmpty ? "" : ", \(townDisplayName)"
        return "\(code) (\(name)\(place))"
    }
}

/// What kind of secondary school a location is, as far as the programme's rules care.
public enum SchoolKind: String, Sendable, Codable {
    /// Offers vmbo (VBO or MAVO in its structure).
    case vmbo
    /// Special secondary education.
    case vso
    /// Practical education.
    case pro
    /// Only havo/vwo.
    case havoVwo = "havo-vwo"
    case other

    public init(structure: String) {
        let s = structure.uppercased()
        if s.contains("VBO") || s.contains("MAVO") || s.contains("VMBO") { self = .vmbo }
        else if s.contains("VSO") { self = .vso }
        else if s.contains("PRO") { self = .pro }
        else if s.contains("HAVO") || s.contains("VWO") { self = .havoVwo }
        else { self = .other }
    }
}

extension String {
    /// "EMMEN" → "Emmen", "'S-HERTOGENBOSCH" → "'s-Hertogenbosch", "BERGEN OP ZOOM" → "Bergen op Zoom";
    /// mixed-case text is left alone (DUO writes town names in capitals): ``DutchPlaceName/display(_:)``.
    public var capitalizedTown: String { DutchPlaceName.display(self) }
}

import RegioSpatial
import Foundation
