import RegioDomain
import RegioReports

/// How a letter names regions and schools: "STO19023 (COROP 23 Amsterdam)", "21ET02 (ZAAM Zuid, Amsterdam)";
/// a code the register does not know stays a bare code.
struct LetterNames {
    /// The audit's regions by id.
    let regions: [RegionID: RegionFigures]
    /// The register, as the reports name schools.
    let schools: SchoolDirectory

    init(regions: [RegionFigures], schools: [School]) {
        self.regions = Dictionary(regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.schools = SchoolDirectory(Dictionary(schools.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// "STO19023 (COROP 23 Amsterdam)", or the id alone when the region has no name.
    func region(_ id: RegionID) -> String {
        guard let name = regions[id]?.name, !name.isEmpty else { return id.rawValue }
        return "\(id) (\(name))"
    }

    /// The register's school of `code`, if it knows it.
    func school(code: String) -> School? { schools.school(code) }

    /// "21ET02 (Scholengemeenschap ZAAM Zuid, Amsterdam)", or the code alone.
    func school(_ code: String) -> String { schools.label(code) }

    /// The town as people write it ("EMMEN" → "Emmen").
    func town(_ school: School) -> String { school.town.capitalizedTown }
}
