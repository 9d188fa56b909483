import Foundation
import RegioDomain
import RegioInputs
import RegioMap
import RegioReports
import RegioSpatial

/// The one scenario that `regio serve` edits: the loaded inputs, the base pre-registration, the edits
/// applied to it (an undo stack) and those undone (a redo stack), and an ``Auditor`` kept at the edited
/// registration by incremental updates.
///
/// Isolation: the ``Dataset`` (its ``GeometryContext`` and every GEOS geometry of the map), the
/// ``Auditor`` and the ``MapDataBuilder`` are not thread-safe. They are created inside this actor's
/// initializer, stored in private properties, and used only by its isolated methods; nothing non-`Sendable`
/// leaves the actor (every answer is a `Sendable` value or encoded JSON). The actor runs one method at a
/// time, so GEOS is never called from two threads at once.
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

    private let dataset: Dataset
    private let auditor: Auditor
    private let base: Registration
    private let baseResult: AuditResult
    private let knownSchools: Set<SchoolCode>
    private let municipalityNames: [String: String]
    private let schoolsByCode: [SchoolCode: School]
    /// The static map layers.
    public nonisolated let background: MapBackground
    /// The page of `regio serve`, built around ``background`` once.
    nonisolated let page: String
    /// Draws the changing layers: without municipalities, so without land and borders (the page has them)
    /// and in a frame around the schools alone.
    private let map: MapDataBuilder
    /// Shift (map units, x then y) from ``map``'s frame to the background's.
    private let mapOffset: [Int]

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

    /// Loads the inputs, forms the catchment areas and audits the base pre-registration.
    /// - Parameters:
    ///   - inputs: the files (a pre-registration is required).
    ///   - seed: seed of the catchment regionalization (as `regio audit --seed`).
    ///   - catchments: `false` skips the catchment areas and the rules that need them.
    ///   - editLimit: the most edits the session keeps (`regio serve --max-edits`).
    ///   - language: the language of the page (`regio serve --language`).
    /// - Throws: ``InputError`` for an input that cannot be read, or a geometry failure on the map or in its
    ///   page.
    public init(inputs: InputPaths, seed: UInt64 = 1, catchments: Bool = true,
                editLimit: Int = ServerLimits().editsPerSession, language: Language = .en) throws(InputError) {
        let dataset = try Dataset(loading: inputs)
        let partition = catchments ? try dataset.catchments(seed: seed) : nil
        let auditor = try dataset.auditor(catchments: partition)
        let baseResult = auditor.result
        let name = inputs.registrations.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "regions"
        // The land and the municipality borders are drawn once: uniting every municipality is the most
        // expensive part of the map, and no edit changes it.
        let whole = try dataset.mapDataBuilder(language: language)
        let map = try dataset.mapDataBuilder(municipalities: false, language: language)
        let background = MapBackground(title: "Sterk Techniekonderwijs: \(name)", language: language.rawValue,
                                       frame: whole.frame, land: whole.land,
                                       borders: whole.borders, methods: whole.methods(baseResult))
        let page = try ServePage.html(background, municipalities: dataset.paths.municipalities ?? "the municipalities")
        self.editLimit = editLimit
        self.dataset = dataset
        self.auditor = auditor
        self.base = auditor.registration
        self.baseResult = baseResult
        self.knownSchools = Set(dataset.register.schools.map(\.code))
        self.municipalityNames = dataset.municipalityNames
        self.schoolsByCode = dataset.schoolsByCode
        self.background = background
        self.page = page
        self.map = map
        let frame = map.frame, home = whole.frame
        self.mapOffset = [Int(((frame.originX - home.originX) / home.unitMeters).rounded()),
                          Int(((home.originY - frame.originY) / home.unitMeters).rounded())]
    }

    // MARK: changes

    /// Applies one edit to the current registration (it is "edit 1" in a refusal) and re-audits
    /// incrementally; clears the redo stack.
    /// - Throws: ``SessionError`` `.rejected` naming the edit when it cannot apply, `.conflict` when the
    ///   session holds ``editLimit`` edits; nothing changes then.
    public func apply(_ edit: Edit) throws(SessionError) -> StateAnswer {
        phases.removeAll()
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
        let edited: Registration
        do {
            edited = try auditor.registration.applying([edit], knownSchools: knownSchools)
        } catch {
            throw SessionError(.rejected, error.description)
        }
        try update(to: edited)
        edits.append(edit)
        undone.removeAll()
        changed(keepingName: false)
        return try answer()
    }

    /// Takes back the last edit (it goes on the redo stack).
    /// - Throws: ``SessionError`` `.conflict` when there is no edit.
    public func undo() throws(SessionError) -> StateAnswer {
        phases.removeAll()
        guard let last = edits.last else { throw SessionError(.conflict, "nothing to undo: the scenario has no edits") }
        try update(to: try registration(with: edits.dropLast()))
        edits.removeLast()
        undone.append(last)
        changed(keepingName: false)
        return try answer()
    }

    /// Applies the last undone edit again.
    /// - Throws: ``SessionError`` `.conflict` when nothing was undone since the last edit.
    public func redo() throws(SessionError) -> StateAnswer {
        phases.removeAll()
        guard let next = undone.last else { throw SessionError(.conflict, "nothing to redo") }
        try update(to: try registration(with: edits + [next]))
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
        guard scenario.edits.count <= editLimit else {
            throw SessionError(.conflict, "scenario '\(scenario.name)' has \(scenario.edits.count) edits, more than a session keeps (--max-edits \(editLimit))")
        }
        let edited: Registration
        do {
            edited = try base.applying(scenario.edits, knownSchools: knownSchools)
        } catch {
            throw SessionError(.conflict, "scenario '\(scenario.name)' does not apply to these inputs: \(error.description)")
        }
        try update(to: edited)
        edits = scenario.edits
        undone.removeAll()
        scenarioName = scenario.name
        changed(keepingName: true)
        return try answer()
    }

    /// The current edits as a scenario named `name`.
    public func scenario(named name: String) -> Scenario {
        Scenario(name: name, edits: edits)
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
        let regions = auditor.registration.regions
        let id = RegionID.typed(text, knownBy: { id in regions.contains { $0.id == id } })
        if let id, let html = portraits[id] { return html }
        let result = auditor.result
        guard let id, let region = result.regions.first(where: { $0.id == id }) else {
            throw SessionError(.notFound, "there is no region \(text) in the current scenario")
        }
        let html = RegionPortrait.html(for: region, result: result, schools: schoolsByCode, counts: dataset.students?.counts ?? [:],
                                       municipalityNames: municipalityNames)
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
        let start = ContinuousClock.now
        let result = auditor.result
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
            mapData = try map.data(result, territories: auditor.territories)
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
            techniekarmShareBelow: result.settings.techniekarmShareBelow, map: mapData, mapOffset: mapOffset)
        built = state
        return state
    }

    // MARK: helpers

    private func registration(with edits: [Edit]) throws(SessionError) -> Registration {
        do {
            return try base.applying(edits, knownSchools: knownSchools)
        } catch {
            throw SessionError(.failed, "the edits no longer apply: \(error.description)")
        }
    }

    /// Brings the auditor to `registration`; on a geometry failure it goes back to where it was.
    private func update(to registration: Registration) throws(SessionError) {
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
