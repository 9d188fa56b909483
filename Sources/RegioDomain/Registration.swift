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
    public let regionID: String
    public let regionName: String
    /// The school code as written (may be malformed; the audit reports it).
    public let schoolCode: String
    public let role: Role
    /// 1-based line in the file, for messages.
    public let line: Int

    public init(regionID: String, regionName: String, schoolCode: String, role: Role, line: Int) {
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
    public let id: String
    public var name: String
    /// The lead school, when the lead's code is well-formed.
    public var lead: SchoolCode?
    /// Well-formed member codes in file order, lead included, each once.
    public var schools: [SchoolCode]
    /// Codes that are not well-formed, as written.
    public var malformedCodes: [String]

    public init(id: String, name: String, lead: SchoolCode? = nil, schools: [SchoolCode] = [],
                malformedCodes: [String] = []) {
        self.id = id
        self.name = name
        self.lead = lead
        self.schools = schools
        self.malformedCodes = malformedCodes
    }
}

/// A whole pre-registration: regions in file order.
public struct Registration: Sendable, Hashable, Codable {
    public var regions: [Region]

    public init(regions: [Region]) { self.regions = regions }

    /// Groups rows into regions, in order of first appearance.
    public init(rows: [RegistrationRow]) {
        var order: [String] = []
        var byID: [String: Region] = [:]
        for row in rows {
            if byID[row.regionID] == nil {
                order.append(row.regionID)
                byID[row.regionID] = Region(id: row.regionID, name: row.regionName)
            }
            guard !row.schoolCode.trimmedSpaces.isEmpty else { continue }
            guard let code = SchoolCode(row.schoolCode) else {
                byID[row.regionID]!.malformedCodes.append(row.schoolCode)
                continue
            }
            if !byID[row.regionID]!.schools.contains(code) { byID[row.regionID]!.schools.append(code) }
            if row.role == .lead { byID[row.regionID]!.lead = code }
            if byID[row.regionID]!.name.isEmpty { byID[row.regionID]!.name = row.regionName }
        }
        regions = order.map { byID[$0]! }
    }

    public subscript(id: String) -> Region? { regions.first { $0.id == id } }
}

import Foundation
