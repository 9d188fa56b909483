/// An edit in words, the one way every output describes it: a suggestion's headline (`audit`, `suggest`,
/// portraits) and a scenario's edits in `compare`.
extension Edit {
    /// "merge STO19012 (Zuid) into STO19007 (Noord)", "move 00AB01 (…) from STO19003 (…) to STO19007 (…)"
    /// (nl: "voeg STO19012 (Zuid) samen met STO19007 (Noord)", "verplaats 00AB01 (…) van … naar …").
    /// - Parameters:
    ///   - title: a region by id and name ("STO19007 (Noord)").
    ///   - label: a school by code, name and town.
    ///   - regionOf: the region a moved school leaves, when it is in one.
    public func text(in language: Language, title: (RegionID) -> String, label: (SchoolCode) -> String,
                     regionOf: (SchoolCode) -> RegionID? = { _ in nil }) -> String {
        let l = language
        switch self {
        case let .move(school, to):
            let from = regionOf(school).map { l.pick(" from ", " van ") + title($0) } ?? ""
            return l.pick("move \(label(school))\(from) to \(title(to))", "verplaats \(label(school))\(from) naar \(title(to))")
        case let .merge(regions, into):
            let absorbed = l.list(regions.filter { $0 != into }.map(title))
            return l.pick("merge \(absorbed) into \(title(into))", "voeg \(absorbed) samen met \(title(into))")
        case let .split(region, new, schools):
            let moved = l.list(schools.map(label))
            return l.pick("split \(moved) off \(title(region)) as \(new)", "splits \(moved) af van \(title(region)) als \(new)")
        case let .add(school, to):
            return l.pick("add \(label(school)) to \(title(to))", "voeg \(label(school)) toe aan \(title(to))")
        case let .remove(school, from):
            return l.pick("remove \(label(school)) from \(title(from))", "haal \(label(school)) uit \(title(from))")
        case let .lead(school, of):
            return l.pick("make \(label(school)) the lead of \(title(of))", "maak \(label(school)) penvoerder van \(title(of))")
        }
    }
}
