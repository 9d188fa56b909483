/// `malformed-region-id` (error).
///
/// Definition (domain.md): one finding per region whose registration number is not exactly `STO` followed
/// by 5 digits (`STO19001`), compared as written (upper case `STO`, ASCII digits).
enum MalformedRegionID {
    static func findings(_ region: Region) -> [Finding] {
        guard let problem = RegionID.problem(region.id) else { return [] }
        return [Finding(.malformedRegionID, regions: [region.id],
            message: "'\(region.id)' (\(region.name)) is not a registration number: \(problem); expected STO and 5 digits, like STO19001")]
    }
}

/// The form of a registration number: `STO` + 5 digits.
public enum RegionID {
    /// What is wrong with `id` as a registration number, or `nil` when it is one.
    public static func problem(_ id: String) -> String? {
        guard id.hasPrefix("STO") else { return "it does not start with STO" }
        let rest = id.dropFirst(3)
        if let other = rest.first(where: { !("0"..."9").contains($0) }) {
            return "'\(other)' after STO is not a digit"
        }
        return rest.count == 5 ? nil : "it has \(rest.count) digit\(rest.count == 1 ? "" : "s") after STO"
    }
}
