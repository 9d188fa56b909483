/// `missing-lead` (error).
///
/// Definition (domain.md): one finding per region that lists at least one code (a school of the register,
/// an unknown or a malformed code) and has no `penvoerder` row. A `penvoerder` row whose code is malformed
/// still names a lead (``Region/namesLead``); an empty region is `empty-region` instead. A scenario edit
/// that removes the lead leaves the region without one.
enum MissingLead {
    static func findings(_ region: Region) -> [Finding] {
        let listed = region.schools.count + region.malformedCodes.count
        guard !region.namesLead, listed > 0 else { return [] }
        return [Finding(.missingLead, regions: [region.id],
            message: Message(region: region.id, name: region.name, listed: listed))]
    }
}

extension MissingLead {
    struct Message: FindingMessage {
        let region: RegionID, name: String, listed: Int

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(region) (\(name)) lists \(language.count(listed, "school", "schools")) but names no lead applicant: mark the lead's row as penvoerder"
            case .nl: "\(region) (\(name)) noemt \(language.count(listed, "school", "scholen")) maar geen penvoerder: markeer de rij van de penvoerder als penvoerder"
            }
        }
    }
}
