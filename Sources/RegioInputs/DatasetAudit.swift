import RegioDomain
import RegioSpatial

/// Running the domain's computations on a loaded dataset; failures of the geometry library are reported
/// as input errors against the municipality map, the input they come from.
extension Dataset {
    /// The audit input of this dataset (a pre-registration and sound spatial inputs are required:
    /// ``requireSoundSpatialInputs()``).
    public func auditInput(catchments: CatchmentPartition?) throws(InputError) -> AuditInput {
        guard let registration else {
            throw InputError(.fileNotFound, file: "--registrations", message: "no pre-registration given: pass --registrations FILE")
        }
        try requireSoundSpatialInputs()
        return AuditInput(schools: register.schools, counts: students?.counts ?? [:], map: map, placement: placement,
                          registration: registration, settings: settings, catchments: catchments)
    }

    /// The catchment areas of this dataset's municipalities and schools, for an audit: broken spatial inputs
    /// are refused first (``requireSoundSpatialInputs()``).
    public func catchments(seed: UInt64 = 1) throws(InputError) -> CatchmentPartition {
        try requireSoundSpatialInputs()
        return try catchments(CatchmentRequest(seed: seed))
    }

    /// The catchment areas of this dataset's map as `request` asks for them (another unit layer, a bound on a
    /// unit property, more constructions, progress).
    public func catchments(_ request: CatchmentRequest) throws(InputError) -> CatchmentPartition {
        var measure: CatchmentBuilder.UnitMeasure?
        if let minimum = request.minimumMeasure {
            guard let field = paths.mapFields.measure else {
                throw InputError(.badValue, file: "--bound", message: "a bound of \(minimum) needs the unit property it applies to: pass --bound-field NAME")
            }
            measure = CatchmentBuilder.UnitMeasure(name: field, values: municipalities.measures, minimum: minimum)
        }
        do {
            let adjacency = try UnitAdjacency(map: map, options: request.units.adjacency)
            return try CatchmentBuilder.partition(adjacency: adjacency, schools: register.schools,
                                                  counts: students?.counts ?? [:], placement: placement,
                                                  settings: settings, seed: request.seed, options: request.options,
                                                  measure: measure, unitNoun: request.units.noun,
                                                  progress: request.progress)
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "cannot form catchment areas: \(error)")
        }
    }

    /// The full audit with its suggestions, and the territories (EPSG:28992) for exports.
    public func audit(catchments: CatchmentPartition?) throws(InputError) -> (result: AuditResult, territories: [RegionID: Geometry]) {
        let auditor = try auditor(catchments: catchments)
        return (try suggested(auditor), auditor.territories)
    }

    /// The auditor's current result with the suggestions of ``SuggestionEngine``.
    public func suggested(_ auditor: Auditor) throws(InputError) -> AuditResult {
        do {
            return auditor.result.with(suggestions: try SuggestionEngine(auditor: auditor).suggestions())
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "a geometry operation failed while weighing suggestions: \(error)")
        }
    }

    /// An auditor of this dataset's registration, to update with scenario edits.
    public func auditor(catchments: CatchmentPartition?) throws(InputError) -> Auditor {
        let input = try auditInput(catchments: catchments)
        do {
            return try Auditor(input)
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "a geometry operation failed during the audit: \(error)")
        }
    }
}

/// What ``Dataset/catchments(_:)`` forms.
public struct CatchmentRequest {
    /// How the units of the map are read as a graph, and what they are called in reports.
    public struct Units: Sendable, Hashable {
        /// Plural, for the method sentence ("municipalities", "gemeenten").
        public var noun: LocalizedText
        /// The contiguity rule (``UnitAdjacency/Options``).
        public var adjacency: UnitAdjacency.Options

        public init(noun: LocalizedText, adjacency: UnitAdjacency.Options) {
            self.noun = noun
            self.adjacency = adjacency
        }

        /// CBS municipalities: cleanly noded, neighbours share at least 1 m of border.
        public static let municipalities = Units(noun: CatchmentBuilder.municipalitiesNoun, adjacency: CatchmentBuilder.adjacencyOptions)
        /// Another polygon layer (such as postcode areas), not assumed cleanly noded: neighbours share at
        /// least 1 m of border within 1 m.
        public static let otherLayer = Units(noun: LocalizedText(en: "units", nl: "eenheden"), adjacency: .notCleanlyNoded)
    }

    public var seed: UInt64
    public var options: MaxPRegionalization.Options
    public var units: Units
    /// When set, areas must reach this sum of the map's measure property (``InputPaths/MapFields/measure``)
    /// instead of the school thresholds.
    public var minimumMeasure: Double?
    /// Called while the regionalization runs.
    public var progress: ((MaxPRegionalization.Progress) -> Void)?

    public init(seed: UInt64 = 1, options: MaxPRegionalization.Options = .init(), units: Units = .municipalities,
                minimumMeasure: Double? = nil, progress: ((MaxPRegionalization.Progress) -> Void)? = nil) {
        self.seed = seed
        self.options = options
        self.units = units
        self.minimumMeasure = minimumMeasure
        self.progress = progress
    }
}
