/// `empty-region` (error).
///
/// Definition: one finding per region that lists no code at all: no school of the register, no unknown and
/// no malformed code (a region listing only unknown or malformed codes is `unknown-school` instead). A
/// region needs member schools; a scenario edit that removes the last school leaves an empty region.
enum EmptyRegion {
    static func findings(_ region: Region) -> [Finding] {
        guard region.schools.isEmpty && region.malformedCodes.isEmpty else { return [] }
        return [Finding(.emptyRegion, regions: [region.id],
            message: Message(region: region.id, name: region.name))]
    }
}

extension EmptyRegion {
    struct Message: FindingMessage {
        let region: RegionID, name: String

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(region) (\(name)) lists no school: a region needs member schools"
            case .nl: "\(region) (\(name)) noemt geen enkele school: een regio heeft deelnemende scholen nodig"
            }
        }
    }
}
