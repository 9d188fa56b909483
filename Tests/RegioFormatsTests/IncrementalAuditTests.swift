import Foundation
@testable import RegioDomain
@testable import RegioInputs
import RegioSpatial
import Testing

/// Property: after any sequence of edits, the incrementally updated audit equals a fresh audit of the
/// edited registration (figures, findings), on the demo data (so on every clone) and on the real data when
/// ../shared/geodata is there. Some steps undo the last edit, as the serve page does, so memberships seen
/// before (the auditor's caches) are covered too.
@Suite struct IncrementalAuditTests {
    /// Seeds and cache limits: the last case lets the auditor keep only 3 memberships, so that its caches
    /// are trimmed after every edit.
    static let runs: [(seed: UInt64, cacheLimit: Int)] = [(1, 1_024), (2, 1_024), (3, 1_024), (4, 3)]
    static let datasets = Fixtures.sharedGeodata == nil ? ["demo"] : ["demo", "real"]

    /// A dataset by name: "demo" (geodata/demo) or "real" (../shared/geodata).
    func dataset(_ name: String) throws -> Dataset {
        name == "real" ? try Fixtures.realDataset() : try Fixtures.demoDataset()
    }

    /// A random edit that applies to `registration` (schools from the register and the registration).
    func randomEdit(_ registration: Registration, schools: [SchoolCode], step: Int,
                    using random: inout SplitMix64) -> Edit {
        let regions = registration.regions
        let region = regions[Int(random.next() % UInt64(regions.count))]
        let other = regions[Int(random.next() % UInt64(regions.count))]
        let school = schools[Int(random.next() % UInt64(schools.count))]
        switch random.next() % 6 {
        case 0 where region.id != other.id: return .merge(regions: [region.id, other.id], into: other.id)
        case 1 where region.schools.count >= 2:
            return .split(region: region.id, new: RegionID("STO19\(900 + step)"), schools: Array(region.schools.prefix(region.schools.count / 2)))
        case 2 where !region.schools.contains(school): return .add(school: school, to: region.id)
        case 3 where !region.schools.isEmpty: return .remove(school: region.schools[Int(random.next() % UInt64(region.schools.count))], from: region.id)
        case 4 where !region.schools.isEmpty: return .lead(school: region.schools.last!, of: region.id)
        default:
            return registration.regions.filter({ $0.schools.contains(school) }).map(\.id) == [other.id]
                ? .add(school: school, to: region.id == other.id ? regions[0].id : region.id)
                : .move(school: school, to: other.id)
        }
    }

    func encoded(_ result: AuditResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    @Test(arguments: datasets, runs.indices)
    func incrementalUpdatesEqualAFreshAudit(data: String, run: Int) throws {
        let (seed, cacheLimit) = Self.runs[run]
        let dataset = try self.dataset(data)
        let catchments = try dataset.catchments()
        let input = try dataset.auditInput(catchments: catchments)
        let auditor = try Auditor(input)
        auditor.cacheLimit = cacheLimit
        let known = Set(dataset.register.schools.map(\.code))
        let schools = dataset.register.schools.map(\.code).sorted()
        var random = SplitMix64(seed: seed)
        var registration = input.registration
        var earlier: [Registration] = []
        var undos = 0
        for step in 0..<15 {
            let change: String
            if !earlier.isEmpty && random.next() % 4 == 0 {
                registration = earlier.removeLast()
                change = "undo"
                undos += 1
            } else {
                var edit = randomEdit(registration, schools: schools, step: step, using: &random)
                var next = try? registration.applying([edit], knownSchools: known)
                while next == nil {
                    edit = randomEdit(registration, schools: schools, step: step, using: &random)
                    next = try? registration.applying([edit], knownSchools: known)
                }
                earlier.append(registration)
                registration = next!
                change = "\(edit)"
            }
            try auditor.update(to: registration)
            let fresh = try Auditor(AuditInput(schools: input.schools, counts: input.counts, map: input.map,
                                               placement: input.placement, registration: registration,
                                               settings: input.settings, catchments: catchments)).result
            let incremental = auditor.result
            #expect(try encoded(incremental) == encoded(fresh), "after step \(step + 1): \(change)")
            if try encoded(incremental) != encoded(fresh) {
                if let i = incremental.findings.indices.first(where: { $0 < fresh.findings.count && incremental.findings[$0] != fresh.findings[$0] }) {
                    Issue.record("finding \(i): \(incremental.findings[i]) vs \(fresh.findings[i])")
                }
                let a = Set(incremental.findings.map(\.key)), b = Set(fresh.findings.map(\.key))
                Issue.record("only incremental: \(a.subtracting(b).sorted().prefix(5)); only fresh: \(b.subtracting(a).sorted().prefix(5)); figures equal: \(incremental.regions == fresh.regions); suggestions equal: \(incremental.suggestions == fresh.suggestions)")
                return
            }
        }
        #expect(undos > 0, "the sequence undoes edits too")
    }
}
