/// The checks of `domain.md`, by stable rule id, each with its severity.
public enum Rule: String, CaseIterable, Sendable, Codable {
    case schoolInMultipleRegions = "school-in-multiple-regions"
    case unknownSchool = "unknown-school"
    case leadWithoutTechnology = "lead-without-technology"
    case emptyRegion = "empty-region"
    case splitCloseSchools = "split-close-schools"
    case undersizedRegion = "undersized-region"
    case partOfLargerArea = "part-of-larger-area"
    case overlappingRegions = "overlapping-regions"
    case fragmentedRegion = "fragmented-region"
    case enclave = "enclave"
    case uncoveredSchool = "uncovered-school"
    case techniekarm = "techniekarm"
    case singleTechnologySchool = "single-technology-school"
    case splitInstitution = "split-institution"
    case missingLead = "missing-lead"
    case malformedRegionID = "malformed-region-id"
    case conflictingRegionName = "conflicting-region-name"
    case schoolNotPlaced = "school-not-placed"
    case schoolOutsideMap = "school-outside-map"
    case approximateLocation = "approximate-location"

    /// The severity `domain.md` gives the rule.
    public var severity: Severity {
        switch self {
        case .schoolInMultipleRegions, .unknownSchool, .leadWithoutTechnology, .emptyRegion, .missingLead,
             .malformedRegionID, .schoolNotPlaced, .schoolOutsideMap: .error
        case .splitCloseSchools, .undersizedRegion, .partOfLargerArea, .overlappingRegions, .fragmentedRegion, .enclave,
             .conflictingRegionName: .warning
        case .uncoveredSchool, .techniekarm, .singleTechnologySchool, .splitInstitution, .approximateLocation: .info
        }
    }
}

/// How serious a finding is. Errors break a programme rule; warnings ask for a look; infos are facts.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error, warning, info

    /// Errors sort first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
}
