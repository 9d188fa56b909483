/// `malformed-region-id` (error).
///
/// Definition (domain.md): one finding per region whose registration number is not exactly `STO` followed
/// by 5 digits (`STO19001`), compared as written (upper case `STO`, ASCII digits).
enum MalformedRegionID {
    static func findings(_ region: Region) -> [Finding] {
        guard let problem = region.id.problem else { return [] }
        return [Finding(.malformedRegionID, regions: [region.id],
            message: "'\(region.id)' (\(region.name)) is not a registration number: \(problem); expected STO and 5 digits, like STO19001")]
    }
}
