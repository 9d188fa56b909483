/// `conflicting-region-name` (warning).
///
/// Definition (domain.md): one finding per registration number whose rows give two or more different
/// non-empty names (compared as written, after the padding spaces are removed). Rows with an empty name do
/// not count.
enum ConflictingRegionName {
    static func findings(_ region: Region) -> [Finding] {
        guard !region.otherNames.isEmpty else { return [] }
        let names = ([region.name] + region.otherNames).map { "'\($0)'" }
        return [Finding(.conflictingRegionName, regions: [region.id],
            message: Message(region: region.id, names: names),
            value: Double(names.count))]
    }
}

extension ConflictingRegionName {
    struct Message: FindingMessage {
        /// The names, quoted.
        let region: RegionID, names: [String]

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(region) appears with \(names.count) different names, \(names.joined(separator: ", ")): one registration number is one region; correct the name or the number"
            case .nl: "\(region) komt voor met \(names.count) verschillende namen, \(names.joined(separator: ", ")): één registratienummer is één regio; verbeter de naam of het nummer"
            }
        }
    }
}
