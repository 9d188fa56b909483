import RegioDomain

/// The pre-registrations (*vooraanmeldingen*) of the demo regions.
enum Registrations {
    /// A malformed code (not 2 digits + 2 letters + 2 digits), listed by `westCoast`.
    static let malformedCode = "XX12"
    /// A well-formed code that is not in the register (prefix 99 is never generated), listed by `east`.
    static let unregisteredCode = "99ZZ01"

    /// A Dutch-sounding name for each region, made from the names of the municipalities it covers.
    /// `name(cell)` is the municipality name of a cell, `nil` for the island.
    static func regionNames(name: (Cell?) -> String) -> [RegionRole: String] {
        func n(_ column: Int, _ row: Int) -> String { name(Cell(column, row)) }
        return [
            .southWest: "Techniekregio \(n(0, 0))-\(n(1, 0))",
            .southCentre: "Samen Techniek \(n(2, 0)) en \(n(3, 0))",
            .westCoast: "Regio \(n(0, 1))-\(n(0, 2))",
            .southEast: "Vakmanschap \(n(4, 0)) e.o.",
            .east: "Techniek Oost (\(n(5, 1)), \(n(5, 2)))",
            .leadWithoutTechnology: "Techniekregio \(n(1, 1)) en \(n(1, 2))",
            .crossWestEast: "Techniekpact \(n(2, 2))-\(n(3, 2))",
            .crossNorthSouth: "Techniekroute \(n(3, 1))-\(n(2, 2))",
            .undersized: "STO \(n(4, 2))",
            .technologyPoor: "Regio \(n(0, 3)) en \(n(0, 4))",
            .largeArea: "Sterk Techniek \(n(1, 4)) e.o.",
            .smallInside: "Techniekduo \(n(2, 4))",
            .enclaveHost: "Techniekregio \(n(3, 4))-\(n(4, 3))",
            .enclaveOwner: "Sterk Techniek \(n(5, 3))-\(n(5, 4))",
            .fragmented: "Techniek Noordrand \(n(1, 5)) en \(n(4, 5))",
            .island: "Techniek op \(name(nil))",
            .empty: "Techniek \(n(2, 5)) (in oprichting)",
        ]
    }

    /// The rows of `registrations.csv` (RegioDomain's ``RegistrationRow``, `line` counting the header as 1),
    /// region by region in registration-number order: the lead first, then the members in design order,
    /// then any planted bad code. The `empty` region gets one row with an empty code.
    static func rows(schools: [DemoSchool], names: [RegionRole: String]) -> [RegistrationRow] {
        var rows: [RegistrationRow] = []
        for role in RegionRole.allCases {
            let name = names[role] ?? role.id.rawValue
            func row(_ code: String, lead: Bool) -> RegistrationRow {
                RegistrationRow(regionID: role.id, regionName: name, schoolCode: code, role: lead ? .lead : .member,
                                line: rows.count + 2)
            }
            if role == .empty {
                rows.append(row("", lead: true))
                continue
            }
            let members = schools.filter { $0.spec.regions.contains(role) }
            for school in members.filter(\.spec.isLead) + members.filter({ !$0.spec.isLead }) {
                rows.append(row(school.code, lead: school.spec.isLead))
            }
            if role == .westCoast { rows.append(row(malformedCode, lead: false)) }
            if role == .east { rows.append(row(unregisteredCode, lead: false)) }
        }
        return rows
    }
}
