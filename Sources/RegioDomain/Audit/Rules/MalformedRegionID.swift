/// `malformed-region-id` (error).
///
/// Definition (domain.md): one finding per region whose registration number is not exactly `STO` followed
/// by 5 digits (`STO19001`), compared as written (upper case `STO`, ASCII digits).
enum MalformedRegionID {
    static func findings(_ region: Region) -> [Finding] {
        guard region.id.problem != nil else { return [] }
        return [Finding(.malformedRegionID, regions: [region.id], message: Message(region: region.id, name: region.name))]
    }

    struct Message: FindingMessage {
        let region: RegionID, name: String

        func text(in language: Language) -> String {
            let problem = RegionID.problem(region.rawValue, in: language) ?? ""
            return language.pick("'\(region)' (\(name)) is not a registration number: \(problem); expected STO and 5 digits, like STO19001",
                                 "'\(region)' (\(name)) is geen registratienummer: \(problem); verwacht STO en 5 cijfers, zoals STO19001")
        }
    }
}
