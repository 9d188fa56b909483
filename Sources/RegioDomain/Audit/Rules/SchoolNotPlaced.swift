/// `school-not-placed` (error).
///
/// Definition (domain.md): one finding per school of the register that is listed by at least one region
/// and has no usable location: no coordinates in the register, and no postcode centroid. The finding names
/// every region that lists it. Codes not in the register are `unknown-school` instead.
enum SchoolNotPlaced {
    static func findings(_ code: SchoolCode, listedBy regions: [RegionID], in facts: some AuditFacts) -> [Finding] {
        // A school far outside the map is left out of the spatial rules too, but is school-outside-map instead.
        guard !regions.isEmpty, facts.location(of: code) == nil, facts.outsideMap(code) == nil, facts.isKnown(code) else { return [] }
        return [Finding(.schoolNotPlaced, regions: regions, schools: [code],
            message: "\(facts.label(code)), listed by \(regions.joined(separator: " and ")), has no usable location (no coordinates, and no postcode centroid): every spatial rule about it is unknown; give its coordinates or pass --postcodes")]
    }
}
