/// One change to a pre-registration, as a region would try it ("what if we take in that school?").
/// Stored in scenario files as small JSON objects, e.g. `{"move": "00AB01", "to": "STO19007"}`.
public enum Edit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Move a school out of every region that lists it into `to`.
    case move(school: SchoolCode, to: RegionID)
    /// Merge regions into `into` (one of them or a new id): all schools join it, the others disappear.
    case merge(regions: [RegionID], into: RegionID)
    /// Split schools off `region` into a new region `new` (its first school becomes the lead).
    case split(region: RegionID, new: RegionID, schools: [SchoolCode])
    /// Add a school to a region (it stays in any other region that lists it).
    case add(school: SchoolCode, to: RegionID)
    /// Remove a school from a region.
    case remove(school: SchoolCode, from: RegionID)
    /// Make a member school the lead of its region.
    case lead(school: SchoolCode, of: RegionID)

    public var description: String {
        switch self {
        case let .move(school, to): "move \(school) to \(to)"
        case let .merge(regions, into): "merge \(regions.joined(separator: ", ")) into \(into)"
        case let .split(region, new, schools): "split \(schools.map(\.rawValue).joined(separator: ", ")) off \(region) as \(new)"
        case let .add(school, to): "add \(school) to \(to)"
        case let .remove(school, from): "remove \(school) from \(from)"
        case let .lead(school, of): "make \(school) the lead of \(of)"
        }
    }

    private enum Keys: String, CodingKey { case move, to, merge, into, split, new, schools, add, remove, from, lead, of }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let school = try c.decodeIfPresent(SchoolCode.self, forKey: .move) {
            self = .move(school: school, to: try c.decode(RegionID.self, forKey: .to))
        } else if let regions = try c.decodeIfPresent([RegionID].self, forKey: .merge) {
            self = .merge(regions: regions, into: try c.decode(RegionID.self, forKey: .into))
        } else if let region = try c.decodeIfPresent(RegionID.self, forKey: .split) {
            self = .split(region: region, new: try c.decode(RegionID.self, forKey: .new),
                          schools: try c.decode([SchoolCode].self, forKey: .schools))
        } else if let school = try c.decodeIfPresent(SchoolCode.self, forKey: .add) {
            self = .add(school: school, to: try c.decode(RegionID.self, forKey: .to))
        } else if let school = try c.decodeIfPresent(SchoolCode.self, forKey: .remove) {
            self = .remove(school: school, from: try c.decode(RegionID.self, forKey: .from))
        } else if let school = try c.decodeIfPresent(SchoolCode.self, forKey: .lead) {
            self = .lead(school: school, of: try c.decode(RegionID.self, forKey: .of))
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "an edit is one of move/to, merge/into, split/new/schools, add/to, remove/from, lead/of"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case let .move(school, to): try c.encode(school, forKey: .move); try c.encode(to, forKey: .to)
        case let .merge(regions, into): try c.encode(regions, forKey: .merge); try c.encode(into, forKey: .into)
        case let .split(region, new, schools):
            try c.encode(region, forKey: .split); try c.encode(new, forKey: .new); try c.encode(schools, forKey: .schools)
        case let .add(school, to): try c.encode(school, forKey: .add); try c.encode(to, forKey: .to)
        case let .remove(school, from): try c.encode(school, forKey: .remove); try c.encode(from, forKey: .from)
        case let .lead(school, of): try c.encode(school, forKey: .lead); try c.encode(of, forKey: .of)
        }
    }
}
