// In-process timings of regio on the real data (release build; run by benchmarks/run, never in CI):
// loading and placing, the catchment areas, the full audit, and one scenario edit re-evaluated
// incrementally against a full re-audit. Medians of repeated runs, milliseconds.
import Foundation
import RegioDomain
import RegioFormats
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
    var auditor: Auditor!
    report("full audit (all rules, territories)", try (0..<runs).map { _ in try milliseconds { auditor = try dataset.auditor(catchments: catchments) } })
    report("audit result (findings sorted)", (0..<runs).map { _ in milliseconds { _ = auditor.result } })
    var suggestionCount = 0
    report("suggestions (each candidate tried on the auditor)", try (0..<runs).map { _ in try milliseconds {
        suggestionCount = try SuggestionEngine(auditor: auditor).suggestions().count } })
    print("  (\(suggestionCount) suggestions)")

    // One edit: move a school between two neighbouring regions, and back, re-evaluated incrementally.
    let base = dataset.registration!
    let known = Set(dataset.register.schools.map(\.code))
    let mover = base.regions[0].schools.last!
    let moved = try base.applying([.move(school: mover, to: base.regions[1].id)], knownSchools: known)
    var incremental: [Double] = [], full: [Double] = []
    for _ in 0..<max(runs, 20) {
        incremental.append(try milliseconds { try auditor.update(to: moved) })
        incremental.append(try milliseconds { try auditor.update(to: base) })
    }
    let input = try dataset.auditInput(catchments: catchments)
    for _ in 0..<runs {
        full.append(try milliseconds {
            _ = try Auditor(AuditInput(schools: input.schools, counts: input.counts, map: input.map, placement: input.placement,
                                       registration: moved, settings: input.settings, catchments: catchments)).result
        })
    }
    report("one edit (move \(mover)), incremental update", incremental)
    report("one edit, full re-audit", full)
    print(String(format: "  ratio full / incremental: %.0fx", median(full) / median(incremental)))
    report("one edit, incremental update + result", try (0..<runs).map { i in try milliseconds {
        try auditor.update(to: i % 2 == 0 ? moved : base); _ = auditor.result } })
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
