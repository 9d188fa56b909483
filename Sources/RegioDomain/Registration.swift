/// One row of a pre-registration file: a region and one of its schools (or, with no code, a region
/// that has no school yet).
public struct RegistrationRow: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable {
        /// The lead applicant (*penvoerder*).
        case lead = "penvoerder"
        /// A member (*deelnemer*).
        case member = "deelnemer"
    }

    /// Registration number, e.g. `STO19042`.
    public let regionID: RegionID
    public let regionName: String
    /// The school code as written (may be malformed; the audit reports it).
    public let schoolCode: String
    public let role: Role
    /// 1-based line of a CSV file, or row number of a worksheet, for messages.
    public let line: Int

    public init(regionID: RegionID, regionName: String, schoolCode: String, role: Role, line: Int) {
        self.regionID = regionID
        self.regionName = regionName
        self.schoolCode = schoolCode
        self.role = role
        self.line = line
    }
}

/// A region as pre-registered: its id, name, lead and member schools.
public struct Region: Sendable, Hashable, Codable, Identifiable {
    /// Registration number, e.g. `STO19042`.
    public let id: RegionID
    public var name: String
    /// The lead school, when the lead's code is well-formed.
    public var lead: SchoolCode?
    /// Well-formed member codes in file order, lead included, each once.
    public var schools: [SchoolCode]
    /// Codes that are not well-formed, as written.
    public var malformedCodes: [String]
    /// The lead's code as written when it is not well-formed (`unknown-school` reports it): the region still
    /// names a lead, so it is not `missing-lead`.
    public var malformedLead: String?
    /// The other names the pre-registration gives this registration number, in file order, each once
    /// (`conflicting-region-name`); ``name`` is the first.
    public var otherNames: [String]

    public init(id: RegionID, name: String, lead: SchoolCode? = nil, schools: [SchoolCode] = [],
                malformedCodes: [String] = [], malformedLead: String? = nil, otherNames: [String] = []) {
        self.id = id
        self.name = name
        self.lead = lead
        self.schools = schools
        self.malformedCodes = malformedCodes
        self.malformedLead = malformedLead
        self.otherNames = otherNames
    }

    /// Whether a `penvoerder` row names a lead (well-formed or not).
    public var namesLead: Bool { lead != nil || malformedLead != nil }
}

/// A whole pre-registration: regions in file order.
public struct Registration: Sendable, Hashable, Codable {
    public var regions: [Region]

    public init(regions: [Region]) { self.regions = regions }

    /// Groups rows into regions, in order of first appearance. A region's name is the first non-empty name
    /// its rows give; different non-empty names (compared as written) are kept in ``Region/otherNames``.
    public init(rows: [RegistrationRow]) {
        var order: [RegionID] = []
        var byID: [RegionID: Region] = [:]
        for row in rows {
            if byID[row.regionID] == nil {
                order.append(row.regionID)
                byID[row.regionID] = Region(id: row.regionID, name: row.regionName)
            }
            byID[row.regionID]!.noteName(row.regionName)
            guard !row.schoolCode.trimmedSpaces.isEmpty else { continue }
            guard let code = SchoolCode(row.schoolCode) else {
                byID[row.regionID]!.malformedCodes.append(row.schoolCode)
                if row.role == .lead { byID[row.regionID]!.malformedLead = row.schoolCode }
                continue
            }
            if !byID[row.regionID]!.schools.contains(code) { byID[row.regionID]!.schools.append(code) }
            if row.role == .lead { byID[row.regionID]!.lead = code }
        }
        regions = order.map { byID[$0]! }
    }

    public subscript(id: RegionID) -> Region? { regions.first { $0.id == id } }
}

extension Region {
    /// Records a name a row gives the region: the first non-empty one becomes ``name``, later different
    /// ones ``otherNames``.
    mutating func noteName(_ text: String) {
        guard !text.isEmpty, text != name, !otherNames.contains(text) else { return }
        if name.isEmpty { name = text } else { otherNames.append(text) }
    }
}

import Foundation
