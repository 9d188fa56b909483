import RegioDomain

/// The register's schools by code, for reports that name a school rather than give its code: the lead in a
/// region header, the closest pair of a group of close-by pairs.
public struct SchoolDirectory: Sendable {
    private let byCode: [String: School]

    /// An empty directory names every school by its code.
    public init(_ schools: [SchoolCode: School] = [:]) {
        byCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.key.rawValue, $0.value) })
    }

    /// The register's entry for `code`.
    public func school(_ code: String) -> School? { byCode[code] }

    /// "00AB01 (Het College, Emmen)", or the code alone for a school the register does not have.
    public func label(_ code: String) -> String { byCode[code]?.label ?? code }

    /// "Het College, Emmen (00AB01)": a region's lead as a header names it, name and town first (the town as
    /// people write it, ``Swift/String/capitalizedTown``); the code alone for a school the register does not have.
    public func lead(_ code: String) -> String {
        guard let school = byCode[code] else { return code }
        let town = school.town.isEmpty ? "" : ", \(school.town.capitalizedTown)"
        return "\(school.name)\(town) (\(code))"
    }
}
