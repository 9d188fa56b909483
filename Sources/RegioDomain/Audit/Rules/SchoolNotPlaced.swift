/// `school-not-placed` (error).
///
/// Definition (domain.md): one finding per school of the register that is listed by at least one region
/// and has no usable location: no coordinates in the register, and no postcode centroid. The finding names
/// every region that lists it. Codes not in the register are `unknown-school` instead.
extension Auditor {
    func schoolNotPlacedFindings(_ code: SchoolCode, listedBy regions: [String]) -> [Finding] {
        guard !regions.isEmpty, locationOf[code] == nil, isKnown(code) else { return [] }
        return [Finding(.schoolNotPlaced, regions: regions, schools: [code],
            message: "\(label(code)), listed by \(regions.joined(separator: " and ")), has no usable location (no coordinates, and no postcode centroid): every spatial rule about it is unknown; give its coordinates or pass --postcodes")]
    }
}
