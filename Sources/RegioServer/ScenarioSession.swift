import Foundation
import RegioDomain
import RegioInputs
import RegioMap
import RegioReports
import RegioSpatial

/// One scenario being edited: a base (``ScenarioBase``: the loaded inputs and the base pre-registration), the
/// edits applied to it (an undo stack) and those undone (a redo stack), and an ``Auditor`` kept at the edited
/// registration by incremental updates. Local mode serves one; team mode one per user's workspace, each with a
/// ``ScenarioJournal`` that records every change before it is acknowledged and gives the history back when the
/// workspace is rebuilt.
///
/// Isolation: the ``Dataset`` of the base (its ``GeometryContext`` and every GEOS geometry of the map), the
/// ``Auditor`` and the ``MapDataBuilder`` are not thread-safe. Every session of one base runs on the base's
/// serial executor (``GeometryExecutor``), so GEOS is never called from two threads at once; nothing
/// non-`Sendable` leaves the actor (every answer is a `Sendable` value or encoded JSON). The auditor is made
/// on the executor, at the session's first request.
public actor ScenarioSession {
    /// The state as JSON, and how long each phase of building it took, as an HTTP `Server-Timing` value
    /// (`audit;dur=0.4, figures;dur=1.2, map;dur=20.5, encode;dur=8.1`, milliseconds; empty when the
    /// state of this revision was already encoded).
    public struct StateAnswer: Sendable {
        /// ``SessionState`` encoded as JSON.
        public let json: Data
        /// The phases of this request, e.g. `audit;dur=0.4, map;dur=20.5` (milliseconds).
        public let serverTiming: String
    }

    /// The inputs and the base pre-registration, shared with every other session of the server.
    public nonisolated let base: ScenarioBase
    /// Records each change (team mode), or nil (local mode: the session lives as long as the server).
    private let journal: (any ScenarioJournal)?
    /// Made at the first request (``auditor()``), on the executor.
    private var engine: Auditor?

    /// The static map layers.
    public nonisolated var background: MapBackground { base.background }
    /// The page of `regio serve`, built around ``background`` once.
    nonisolated var page: String { base.page }

    /// The most edits the session keeps, applied and undone together (``ServerLimits/editsPerSession``).
    public nonisolated let editLimit: Int
    private var edits: [Edit] = []
    private var undone: [Edit] = []
    private var scenarioName: String?
    private var revision = 0
    /// The state of the current revision and its JSON, each built on first request after a change, and the
    /// portraits asked for, by region id; ``changed(keepingName:)`` drops them.
    private var built: SessionState?
    private var encoded: Data?
    private var portraits: [RegionID: String] = [:]
    /// The phases of the request being answered, milliseconds (sent as `Server-Timing`).
    private var phases: [(name: String, milliseconds: Double)] = []

    /// Every session of one base runs on the base's executor.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { base.executor.asUnownedSerialExecutor() }

    /// A session over `base`, its edits those of `journal`'s history (none without a journal).
    /// - Parameter editLimit: the most edits the session keeps (`regio serve --max-edits`).
    public init(base: ScenarioBase, editLimit: Int = ServerLimits().editsPerSession, journal: (any ScenarioJournal)? = nil) {
        self.base = base
        self.editLimit = editLimit
        self.journal = journal
    }

    /// Loads the inputs, forms the catchment areas and audits the base pre-registration (``ScenarioBase``), and
    /// makes the one session of local mode over them.
    /// - Parameters:
    ///   - inputs: the files (a pre-registration is required).
    ///   - seed: seed of the catchment regionalization (as `regio audit --seed`).
    ///   - catchments: `false` skips the catchment areas and the rules that need them.
    ///   - editLimit: the most edits the session keeps (`regio serve --max-edits`).
    ///   - language: the language of the page (`regio serve --language`); nil: the config file's
    ///     `language` key, else English.
    /// - Throws: ``InputError`` for an input that cannot be read, or a geometry failure on the map or in its
    ///   page.
    public init(inputs: InputPaths, seed: UInt64 = 1, catchments: Bool = true,
                editLimit: Int = ServerLimits().editsPerSession, language: Language? = nil) throws(InputError) {
        self.init(base: try ScenarioBase(inputs: inputs, seed: seed, catchments: catchments, language: language), editLimit: editLimit)
    }

    /// The auditor at the current edits: made (and brought to the journal's history) on first use.
    private func auditor() throws(SessionError) -> Auditor {
        if let engine { return engine }
        let auditor = try base.makeAuditor()
        if let journal {
            let history = try journal.history()
            if !history.edits.isEmpty {
                do {
                    try auditor.update(to: try base.registration(with: history.edits))
                } catch let error as SessionError {
                    throw error
                } catch {
                    throw SessionError(.failed, "a geometry operation failed while replaying the workspace's edits: \(error)")
                }
            }
            (edits, undone, scenarioName) = (history.edits, history.undone, history.scenarioName)
        }
        engine = auditor
        return auditor
    }

    /// Records `change` in the journal; when it cannot, brings the auditor back to `previous` and rethrows.
    private func record(_ change: ScenarioChange, previous: Registration, on auditor: Auditor) throws(SessionError) {
        guard let journal else { return }
        do {
            try journal.record(change)
        } catch {
            try? auditor.update(to: previous)
            throw error
        }
    }

    // MARK: changes

    /// Applies one edit to the current registration (it is "edit 1" in a refusal) and re-audits
    /// incrementally; clears the redo stack.
    /// - Throws: ``SessionError`` `.rejected` naming the edit when it cannot apply, `.conflict` when the
    ///   session holds ``editLimit`` edits; nothing changes then.
    public func apply(_ edit: Edit) throws(SessionError) -> StateAnswer {
        phases.removeAll()
        let auditor = try auditor()
        guard edits.count < editLimit else {
            throw SessionError(.conflict, "the scenario has \(edits.count) edits, the most a session keeps (--max-edits \(editLimit)): "
                + "save it and load it into a new session, or undo some")
        }
        if case let .split(_, new, _) = edit, new.rawValue.trimmingCharacters(in: .whitespaces).isEmpty {
            throw SessionError(.rejected, "edit 1 (\(edit)): the new region needs an id, e.g. STO19950")
        }
        if case let .merge(_, into) = edit, into.rawValue.trimmingCharacters(in: .whitespaces).isEmpty {
            throw SessionError(.rejected, "edit 1 (\(edit)): name the region to merge into")
        }
        let edited: Registration, previous = auditor.registration
        do {
            edited = try previous.applying([edit], knownSchools: base.knownSchools)
        } catch {
            throw SessionError(.rejected, error.description)
        }
        try update(auditor, to: edited)
        try record(.edit(edit), previous: previous, on: auditor)
        edits.append(edit)
        undone.removeAll()
        changed(keepingName: false)
        return try answer()
    }

    /// Takes back the last edit (it goes on the redo stack).
    /// - Throws: ``SessionError`` `.conflict` when there is no edit.
    public func undo() throws(SessionError) -> StateAnswer {
        phases.removeAll()
        let auditor = try auditor(), previous = auditor.registration
        guard let last = edits.last else { throw SessionError(.conflict, "nothing to undo: the scenario has no edits") }
        try update(auditor, to: try base.registration(with: Array(edits.dropLast())))
        try record(.undo, previous: previous, on: auditor)
        edits.removeLast()
        undone.append(last)
        changed(keepingName: false)
        return try answer()
    }

    /// Applies the last undone edit again.
    /// - Throws: ``SessionError`` `.conflict` when nothing was undone since the last edit.
    public func redo() throws(SessionError) -> StateAnswer {
        phases.removeAll()
        let auditor = try auditor(), previous = auditor.registration
        guard let next = undone.last else { throw SessionError(.conflict, "nothing to redo") }
        try update(auditor, to: try base.registration(with: edits + [next]))
        try record(.redo, previous: previous, on: auditor)
        undone.removeLast()
        edits.append(next)
        changed(keepingName: false)
        return try answer()
    }

    /// Replaces the edits by those of a saved scenario (undo then takes them back one by one).
    /// - Throws: ``SessionError`` `.conflict` when they do not apply to these inputs, or are more than
    ///   ``editLimit``; nothing changes then.
    public func load(_ scenario: Scenario) throws(SessionError) -> StateAnswer {
        phases.removeAll()
        let auditor = try auditor(), previous = auditor.registration
        guard scenario.edits.count <= editLimit else {
            throw SessionError(.conflict, "scenario '\(scenario.name)' has \(scenario.edits.count) edits, more than a session keeps (--max-edits \(editLimit))")
        }
        let edited: Registration
        do {
            edited = try base.registration.applying(scenario.edits, knownSchools: base.knownSchools)
        } catch {
            throw SessionError(.conflict, "scenario '\(scenario.name)' does not apply to these inputs: \(error.description)")
        }
        try update(auditor, to: edited)
        try record(.load(scenario), previous: previous, on: auditor)
        edits = scenario.edits
        undone.removeAll()
        scenarioName = scenario.name
        changed(keepingName: true)
        return try answer()
    }

    /// The current edits as a scenario named `name`.
    public func scenario(named name: String) throws(SessionError) -> Scenario {
        _ = try auditor()
        return Scenario(name: name, edits: edits)
    }

    /// The current edits as a scenario named `name`, compared with the base as `regio compare` compares a
    /// scenario file (``ScenarioComparison``).
    public func comparison(named name: String) throws(SessionError) -> ScenarioComparison {
        let auditor = try auditor()
        return ScenarioComparison(name: name, edits: edits, base: base.result, audit: auditor.result)
    }

    /// Marks the current edits as saved under `name` (the page shows it until the next change).
    public func saved(as name: String, edits savedEdits: [Edit]) {
        guard savedEdits == edits else { return }
        scenarioName = name
        built?.scenarioName = name
        encoded = nil
    }

    // MARK: state

    /// The state of the current revision as JSON (``SessionState``), built once per revision.
    public func currentState() throws(SessionError) -> StateAnswer {
        phases.removeAll()
        _ = try auditor()
        return try answer()
    }

    /// The state as JSON with the phases of this request.
    private func answer() throws(SessionError) -> StateAnswer {
        StateAnswer(json: try stateJSON(), serverTiming: phases.map { "\($0.name);dur=\(($0.milliseconds * 1000).rounded() / 1000)" }.joined(separator: ", "))
    }

    private func stateJSON() throws(SessionError) -> Data {
        if let encoded { return encoded }
        let state = try state()
        let start = ContinuousClock.now
        let json: Data
        do {
            json = try state.json()
        } catch {
            throw SessionError(.failed, "cannot encode the state: \(error)")
        }
        lap("encode", since: start)
        encoded = json
        return json
    }

    /// The portrait of region `text` (an id in any letter case, ``RegionID/typed(_:knownBy:)``) in the current
    /// revision: an HTML fragment of ``RegionPortrait`` (its CSS is in the page). Kept out of the state, which
    /// every edit sends, since the page shows one region's portrait at a time.
    /// - Throws: ``SessionError`` `.notFound` when the current registration has no such region.
    public func portrait(of text: String) throws(SessionError) -> String {
        let auditor = try auditor()
        let regions = auditor.registration.regions
        let id = RegionID.typed(text, knownBy: { id in regions.contains { $0.id == id } })
        if let id, let html = portraits[id] { return html }
        let result = auditor.result
        guard let id, let region = result.regions.first(where: { $0.id == id }) else {
            throw SessionError(.notFound, "there is no region \(text) in the current scenario")
        }
        let html = RegionPortrait.html(for: region, result: result, schools: base.schoolsByCode,
                                       counts: base.dataset.students?.counts ?? [:], municipalityNames: base.municipalityNames,
                                       language: base.language)
        portraits[id] = html
        return html
    }

    private func lap(_ name: String, since start: ContinuousClock.Instant) {
        let d = ContinuousClock.now - start
        phases.append((name, Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15))
    }

    /// The state of the current revision (built once per revision).
    public func state() throws(SessionError) -> SessionState {
        if let built { return built }
        let auditor = try auditor()
        let start = ContinuousClock.now
        let result = auditor.result, baseResult = base.result
        let comparison = ScenarioComparison(name: scenarioName ?? "", edits: edits, base: baseResult, audit: result)
        let baseByID = Dictionary(baseResult.regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let counts = result.severityCountsByRegion()
        let regions = result.regions.map { figures in
            let c = counts[figures.id] ?? AuditResult.SeverityCounts()
            return SessionState.RegionSummary(figures: figures, base: baseByID[figures.id], errors: c.errors,
                                              warnings: c.warnings, infos: c.infos)
        }
        let present = Set(result.regions.map(\.id))
        lap("figures", since: start)
        let mapStart = ContinuousClock.now
        let mapData: MapData
        do {
            mapData = try base.map.data(result, territories: auditor.territories)
        } catch {
            throw SessionError(.failed, "cannot draw the map: \(error)")
        }
        lap("map", since: mapStart)
        let state = SessionState(
            revision: revision, scenarioName: scenarioName, edits: edits, redoEdits: undone.reversed(),
            editTexts: edits.map(\.description), redoTexts: undone.reversed().map(\.description),
            regions: regions, removedRegions: baseResult.regions.filter { !present.contains($0.id) },
            findings: result.findings, resolved: comparison.resolved, introduced: comparison.introduced,
            totals: SessionState.Totals(result), baseTotals: SessionState.Totals(baseResult),
            techniekarmShareBelow: result.settings.techniekarmShareBelow, map: mapData, mapOffset: base.mapOffset)
        built = state
        return state
    }

    // MARK: helpers

    /// Brings `auditor` to `registration`; on a geometry failure it goes back to where it was.
    private func update(_ auditor: Auditor, to registration: Registration) throws(SessionError) {
        let previous = auditor.registration
        let start = ContinuousClock.now
        defer { lap("audit", since: start) }
        do {
            try auditor.update(to: registration)
        } catch {
            try? auditor.update(to: previous)
            throw SessionError(.failed, "a geometry operation failed while re-auditing: \(error)")
        }
    }

    private func changed(keepingName: Bool) {
        revision += 1
        if !keepingName { scenarioName = nil }
        (built, encoded, portraits) = (nil, nil, [:])
    }
}
