// In-process timings of regio on the real data (release build; run by benchmarks/run, never in CI):
// loading and placing, the catchment areas, the full audit, and one scenario edit re-evaluated
// incrementally against a full re-audit. Medians of repeated runs, milliseconds.
import Foundation
import RegioDomain
import RegioInputs
import RegioSpatial

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func report(_ name: String, _ values: [Double]) {
    print(String(format: "  %-52@ median %8.3f ms   min %8.3f ms   (%d runs)", name as NSString, median(values), values.min()!, values.count))
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let geodata = root.appendingPathComponent("../shared/geodata").standardizedFileURL.path
let paths = InputPaths(schools: "\(geodata)/duo_vestigingen_vo_2020-12_geocoded.csv",
                       students: "\(geodata)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                       municipalities: "\(geodata)/gemeenten_2020_wgs84.geojson",
                       registrations: root.appendingPathComponent("Tests/oracle/real/registration.csv").path)
let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 10

do {
    print("regio in-process timings on the real data (1,619 schools, 355 municipalities, 44 regions)")
    var dataset: Dataset!
    report("load all inputs and place every school", try (0..<runs).map { _ in try milliseconds { dataset = try Dataset(loading: paths) } })
    var catchments: CatchmentPartition!
    report("catchment areas (max-p, 355 municipalities)", try (0..<runs).map { _ in try milliseconds { catchments = try dataset.catchments() } })
    // The two halves: the contiguity graph from the polygons (GEOS), and max-p on it.
    var adjacency: UnitAdjacency!
    report("  of which the contiguity graph", try (0..<runs).map { _ in try milliseconds {
        adjacency = try UnitAdjacency(map: dataset.map, options: CatchmentBuilder.adjacencyOptions) } })
    report("  of which max-p on the graph", try (0..<runs).map { _ in try milliseconds {
        _ = try CatchmentBuilder.partition(adjacency: adjacency, schools: dataset.register.schools,
                                           counts: dataset.students?.counts ?? [:], placement: dataset.placement,
                                           settings: dataset.settings) } })
    var auditor: Auditor!
    report("full audit (all rules, territories)", try (0..<runs).map { _ in try milliseconds { auditor = try dataset.auditor(catchments: catchments) } })
    report("audit result (findings kept sorted)", (0..<runs).map { _ in milliseconds { _ = auditor.result } })
    var suggestionCount = 0
    report("suggestions (each candidate tried on the auditor)", try (0..<runs).map { _ in try milliseconds {
        suggestionCount = try SuggestionEngine(auditor: auditor).suggestions().count } })
    print("  (\(suggestionCount) suggestions)")

    // Scenario edits as a planning meeting makes them: each moves one school to the region of its nearest
    // school listed by another region, cumulatively, so every edit brings memberships (and territories)
    // the auditor has not seen before. Each is timed as update + result, against a full re-audit.
    let base = dataset.registration!
    let known = Set(dataset.register.schools.map(\.code))
    let input = try dataset.auditInput(catchments: catchments)
    let byCode = dataset.schoolsByCode
    var generator = SplitMix64(seed: 42)
    var current = base
    var edits: [Registration] = []
    while edits.count < max(runs, 50) {
        let regions = current.regions.filter { $0.schools.count >= 2 }
        let region = regions[Int(generator.next() % UInt64(regions.count))]
        let school = region.schools[Int(generator.next() % UInt64(region.schools.count))]
        guard let here = byCode[school]?.location else { continue }
        // The region of the nearest located school that this region does not list.
        let target = current.regions.filter { $0.id != region.id }.compactMap { other -> (RegionID, Double)? in
            let d = other.schools.compactMap { byCode[$0]?.location?.distance(to: here) }.min()
            return d.map { (other.id, $0) }
        }.min { $0.1 < $1.1 }
        guard let target, let next = try? current.applying([.move(school: school, to: target.0)], knownSchools: known) else { continue }
        edits.append(next)
        current = next
    }
    // Three passes over the sequence, each on a fresh auditor (so every edit is new in each pass): the median
    // of 150 timings is steadier on this noisy machine than one of 50.
    var incremental: [Double] = []
    for _ in 0..<3 {
        auditor = try Auditor(input)
        for edit in edits { incremental.append(try milliseconds { try auditor.update(to: edit); _ = auditor.result }) }
    }
    // Undo every edit one at a time, then redo each: memberships the auditor has seen, one move per step.
    var repeated: [Double] = []
    for edit in Array(edits.dropLast().reversed()) + Array(edits.dropFirst()) {
        repeated.append(try milliseconds { try auditor.update(to: edit); _ = auditor.result })
    }
    var full: [Double] = []
    for edit in edits.prefix(runs) {
        full.append(try milliseconds {
            _ = try Auditor(AuditInput(schools: input.schools, counts: input.counts, map: input.map, placement: input.placement,
                                       registration: edit, settings: input.settings, catchments: catchments)).result
        })
    }
    if CommandLine.arguments.contains("--profile-edits") {
        // For `perf record`: the edit sequence over and over (memberships seen before after the first pass).
        for _ in 0..<40 { for edit in edits { try auditor.update(to: edit); _ = auditor.result } }
    }
    if CommandLine.arguments.contains("--profile-new-edits") {
        // The same on fresh auditors, so that every edit is new (the audits themselves show apart in the profile).
        for _ in 0..<20 {
            auditor = try Auditor(input)
            for edit in edits { try auditor.update(to: edit); _ = auditor.result }
        }
    }
    report("one new edit (move a school), update + result", incremental)
    report("one edit seen before (undo/redo), update + result", repeated)
    report("one edit, full re-audit + result", full)
    print(String(format: "  ratio full / incremental (new edits): %.0fx; edits per second: %.0f", median(full) / median(incremental),
                 1000 / median(incremental)))
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
