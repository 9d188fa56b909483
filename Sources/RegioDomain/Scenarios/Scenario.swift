/// A scenario: the base pre-registration plus a list of edits, stored as a small readable JSON file:
/// `{"name": "Merge north", "edits": [{"move": "00AB01", "to": "STO19007"}, …]}`.
public struct Scenario: Sendable, Hashable, Codable {
    public var name: String
    public var edits: [Edit]

    public init(name: String, edits: [Edit]) {
        self.name = name
        self.edits = edits
    }
}

/// An edit that cannot apply: names the edit by its position (1-based) and says why. Nothing is applied.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based position of the edit in the scenario.
    public let position: Int
    public let edit: Edit
    public let reason: String

    public var description: String { "edit \(position) (\(edit)): \(reason)" }
}

extension Registration {
    /// The registration with every edit applied in order; throws on the first edit that cannot apply and
    /// leaves nothing applied (the receiver is a value). `knownSchools` is the register: a school that is
    /// not in it cannot be moved or added.
    public func applying(_ edits: [Edit], knownSchools: Set<SchoolCode>) throws(ScenarioError) -> Registration {
        var result = self
        for (i, edit) in edits.enumerated() {
            do { try result.apply(edit, knownSchools: knownSchools) } catch let reason {
                throw ScenarioError(position: i + 1, edit: edit, reason: reason.text)
            }
        }
        return result
    }

    /// Why one edit cannot apply.
    struct Refusal: Error { let text: String }

    private func position(of id: RegionID) throws(Refusal) -> Int {
        guard let i = regions.firstIndex(where: { $0.id == id }) else {
            throw Refusal(text: "there is no region \(id)")
        }
        return i
    }

    mutating func apply(_ edit: Edit, knownSchools: Set<SchoolCode>) throws(Refusal) {
        func requireKnown(_ school: SchoolCode) throws(Refusal) {
            guard knownSchools.contains(school) else { throw Refusal(text: "\(school) is not in the school register") }
        }
        switch edit {
        case let .move(school, to):
            try requireKnown(school)
            let target = try position(of: to)
            let holders = regions.indices.filter { regions[$0].schools.contains(school) }
            if holders == [target] { throw Refusal(text: "\(school) is already in \(to)") }
            for h in holders where h != target { regions[h].removeSchool(school) }
            if !regions[target].schools.contains(school) { regions[target].schools.append(school) }
        case let .merge(ids, into):
            guard ids.count >= 1, Set(ids).count == ids.count else { throw Refusal(text: "name each region to merge once") }
            let positions = try ids.map { id throws(Refusal) in try position(of: id) }
            let intoPosition = regions.firstIndex { $0.id == into }
            if let intoPosition, !positions.contains(intoPosition) {
                throw Refusal(text: "\(into) exists but is not among the merged regions")
            }
            let firstMerged = regions[positions[0]]
            var merged = intoPosition.map { regions[$0] }
                ?? Region(id: into, name: firstMerged.name, lead: firstMerged.lead, malformedLead: firstMerged.malformedLead)
            for p in positions where regions[p].id != into {
                for code in regions[p].schools where !merged.schools.contains(code) { merged.schools.append(code) }
                merged.malformedCodes += regions[p].malformedCodes
                if !merged.namesLead { (merged.lead, merged.malformedLead) = (regions[p].lead, regions[p].malformedLead) }
            }
            let first = positions.min()!
            let removed = Set(positions.map { regions[$0].id })
            regions[first] = merged
            regions = regions.enumerated().filter { $0.offset == first || !removed.contains($0.element.id) }.map(\.element)
        case let .split(id, new, schools):
            let p = try position(of: id)
            guard regions.allSatisfy({ $0.id != new }) else { throw Refusal(text: "region \(new) already exists") }
            guard !schools.isEmpty else { throw Refusal(text: "name the schools to split off") }
            var named = Set<SchoolCode>()
            if let twice = schools.first(where: { !named.insert($0).inserted }) {
                throw Refusal(text: "\(twice) is named twice")
            }
            for s in schools where !regions[p].schools.contains(s) { throw Refusal(text: "\(s) is not in \(id)") }
            for s in schools { regions[p].removeSchool(s) }
            regions.insert(Region(id: new, name: "\(regions[p].name) (split)", lead: schools[0], schools: schools), at: p + 1)
        case let .add(school, to):
            try requireKnown(school)
            let p = try position(of: to)
            if regions[p].schools.contains(school) { throw Refusal(text: "\(school) is already in \(to)") }
            regions[p].schools.append(school)
        case let .remove(school, from):
            let p = try position(of: from)
            guard regions[p].schools.contains(school) else { throw Refusal(text: "\(school) is not in \(from)") }
            regions[p].removeSchool(school)
        case let .lead(school, of):
            let p = try position(of: of)
            guard regions[p].schools.contains(school) else { throw Refusal(text: "\(school) is not a member of \(of)") }
            regions[p].lead = school
        }
    }
}

extension Region {
    /// Removes a member; a removed lead leaves the region without a lead.
    mutating func removeSchool(_ school: SchoolCode) {
        schools.removeAll { $0 == school }
        if lead == school { lead = nil }
    }
}
