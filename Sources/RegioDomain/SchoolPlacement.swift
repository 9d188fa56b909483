import RegioSpatial

/// Where each school lies: the municipality whose polygon covers its location (EPSG:28992), found with
/// the map's spatial index and prepared polygons.
public struct SchoolPlacement: Sendable {
    /// School → CBS code of the covering municipality.
    public let municipalityOf: [SchoolCode: String]
    /// Schools with a location outside every municipality.
    public let outside: [OutsideSchool]
    /// Schools whose covering municipality differs from the one the register gives (info).
    public let mismatched: [SchoolCode: (registered: String, found: String)]

    /// A school outside every municipality, with the nearest one and the likely cause.
    public struct OutsideSchool: Sendable, Hashable {
        public let school: SchoolCode
        public let nearestMunicipality: String?
        /// Distance to the nearest municipality, metres.
        public let distanceMeters: Double
        public let likelyCause: String
    }

    /// Places every school that has a location.
    public init(_ schools: [School], on map: MunicipalityMap) {
        var found: [SchoolCode: String] = [:]
        var outside: [OutsideSchool] = []
        var mismatched: [SchoolCode: (String, String)] = [:]
        for school in schools {
            guard let location = school.location else { continue }
            if let position = map.municipalityPosition(covering: location) {
                let code = map.municipalities[position].code
                found[school.code] = code
                if let registered = school.registeredMunicipality, registered != code, map[registered] != nil {
                    mismatched[school.code] = (registered, code)
                }
                continue
            }
            let nearest = map.nearestMunicipality(to: location)
            let distance = nearest?.distanceMeters ?? .infinity
            outside.append(OutsideSchool(school: school.code,
                                         nearestMunicipality: nearest.map { map.municipalities[$0.position].code },
                                         distanceMeters: distance,
                                         likelyCause: SchoolPlacement.likelyCause(distanceMeters: distance, school: school)))
        }
        municipalityOf = found
        self.outside = outside
        self.mismatched = mismatched
    }

    /// A person's best guess at why a school lies outside the map, from how far out it is.
    static func likelyCause(distanceMeters: Double, school: School) -> String {
        likelyCause(distanceMeters: distanceMeters, atPostcodeCentroid: school.placement == .postcodeCentroid, in: .en)
    }

    /// ``likelyCause(distanceMeters:school:)`` in `language`, for a school placed at its postcode centroid or not.
    public static func likelyCause(distanceMeters: Double, atPostcodeCentroid: Bool, in language: Language) -> String {
        switch distanceMeters {
        case ..<1_000:
            return language.pick("just outside a border: the municipality polygons are simplified, or the geocode is slightly off",
                                 "net buiten een grens: de gemeentegrenzen zijn vereenvoudigd, of de geocodering wijkt iets af")
        case ..<20_000:
            return atPostcodeCentroid
                ? language.pick("placed at a postcode centroid that lies outside the map (water or a neighbouring country)",
                                "geplaatst op een postcodemiddelpunt buiten de kaart (water of een buurland)")
                : language.pick("in water or abroad near the border: check the address and coordinates",
                                "in het water of net over de grens: controleer het adres en de coördinaten")
        default:
            return language.pick("far outside the map: latitude and longitude swapped, RD coordinates given as lat/lon, or a map that does not cover this school",
                                 "ver buiten de kaart: breedte- en lengtegraad verwisseld, RD-coördinaten als lat/lon opgegeven, of een kaart die deze school niet dekt")
        }
    }
}
