/// `malformed-region-id` (error).
///
/// Definition (domain.md): one finding per region whose registration number is not exactly `STO` followed
/// by 5 digits (`STO19001`), compared as written (upper case `STO`, ASCII digits).
enum MalformedRegionID {
    static func findings(_ region: Region) -> [Finding] {
        guard RegionID.problem(region.id) != nil else { return [] }
        return [Finding(.malformedRegionID, regions: [region.id], message: Message(region: region.id, name: region.name))]
    }

    struct Message: FindingMessage {
        let region: String, name: String

        func text(in language: Language) -> String {
            let problem = RegionID.problem(region, in: language) ?? ""
            return language.pick("'\(region)' (\(name)) is not a registration number: \(problem); expected STO and 5 digits, like STO19001",
                                 "'\(region)' (\(name)) is geen registratienummer: \(problem); verwacht STO en 5 cijfers, zoals STO19001")
        }
    }
}

/// The form of a registration number: `STO` + 5 digits.
public enum RegionID {
    /// What is wrong with `id` as a registration number, or `nil` when it is one.
    public static func problem(_ id: String, in language: Language = .en) -> String? {
        guard id.hasPrefix("STO") else { return language.pick("it does not start with STO", "het begint niet met STO") }
        let rest = id.dropFirst(3)
        if let other = rest.first(where: { !("0"..."9").contains($0) }) {
            return language.pick("'\(other)' after STO is not a digit", "'\(other)' na STO is geen cijfer")
        }
        return rest.count == 5 ? nil
            : language.pick("it has \(language.count(rest.count, "digit", "digits")) after STO",
                            "het heeft \(language.count(rest.count, "cijfer", "cijfers")) na STO")
    }
}
