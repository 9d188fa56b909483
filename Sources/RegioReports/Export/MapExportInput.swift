import RegioDomain
import RegioInputs
import RegioSpatial

/// What the layers of an export are made from: the loaded dataset, its catchment areas, the audit with the
/// territories it computed (EPSG:28992), and what each suggestion leads to. Lookups the layers share are made
/// once here.
public struct MapExportInput {
    /// The loaded inputs (register, pupil counts, municipality map in EPSG:28992, pre-registration).
    public let dataset: Dataset
    /// The catchment areas the audit used; `nil` gives an empty `catchments` layer.
    public let catchments: CatchmentPartition?
    /// The audit: region figures, findings and suggestions.
    public let result: AuditResult
    /// Region id → territory, EPSG:28992 (RD New) metres (possibly empty).
    public let territories: [RegionID: Geometry]
    /// The figures after each suggestion's edit, in the order of `result.suggestions`.
    let suggestionOutcomes: [SuggestionOutcome]

    /// Register schools by code.
    let schoolByCode: [SchoolCode: School]
    /// Region ids listing each code, in audit order.
    let regionsOfSchool: [String: [RegionID]]
    /// Codes that lead a region.
    let leads: Set<String>
    /// Findings concerning each school code, in audit order.
    let findingsOfSchool: [String: [Finding]]

    /// Audits with `auditor` (``Dataset/auditor(catchments:)`` of `dataset` with `catchments`, at the dataset's
    /// registration): the result with its suggestions, the territories, and each suggestion carried out to read
    /// the figures it leads to. The auditor is left as found.
    /// - Throws: ``InputError`` (against the municipality map) when a geometry operation fails.
    public init(dataset: Dataset, catchments: CatchmentPartition?, auditor: Auditor) throws(InputError) {
        let result = try dataset.suggested(auditor)
        do {
            suggestionOutcomes = try SuggestionOutcome.of(result.suggestions, on: auditor,
                                                          knownSchools: Set(dataset.register.schools.map(\.code)))
        } catch {
            throw InputError(.badGeometry, file: dataset.paths.municipalities ?? "--municipalities",
                             message: "a geometry operation failed while carrying out the suggestions: \(error)")
        }
        self.dataset = dataset
        self.catchments = catchments
        self.result = result
        self.territories = auditor.territories
        schoolByCode = dataset.schoolsByCode
        var regionsOf: [String: [RegionID]] = [:]
        for region in result.regions {
            for code in region.schools where regionsOf[code]?.contains(region.id) != true {
                regionsOf[code, default: []].append(region.id)
            }
        }
        regionsOfSchool = regionsOf
        leads = Set(result.regions.compactMap(\.lead))
        var findingsOf: [String: [Finding]] = [:]
        for finding in result.findings {
            for code in Set(finding.schools) { findingsOf[code, default: []].append(finding) }
        }
        findingsOfSchool = findingsOf
    }

    var context: GeometryContext { dataset.context }

    /// The location of a register school (EPSG:28992), if it was placed.
    func location(of code: String) -> Point? {
        SchoolCode(code).flatMap { schoolByCode[$0]?.location }
    }

    /// Counted students (year 3–4, BB/KB/GL) of a school; 0 without pupil counts.
    func countedStudents(of code: SchoolCode) -> Int { dataset.students?.counts[code]?.countedStudents ?? 0 }

    /// Technical students of a school, per the routes setting; 0 without pupil counts.
    func technicalStudents(of code: SchoolCode) -> Int {
        dataset.students?.counts[code]?.technicalStudents(includingRoutes: result.settings.countTechnicalRoutes) ?? 0
    }

    /// The technical profiles a school offers (abbreviations, e.g. ["BWI", "PIE"]).
    func technicalProfiles(of code: SchoolCode) -> [String] {
        dataset.students?.counts[code]?.technicalProfilesOffered.map(\.rawValue) ?? []
    }

    /// A point inside a region's territory (GEOS point-on-surface), `nil` when the territory is empty.
    func representativePoint(ofRegion id: RegionID) throws(SpatialError) -> Point? {
        guard let territory = territories[id], !territory.isEmpty else { return nil }
        let p = try territory.pointOnSurface()
        return p.x.isFinite && p.y.isFinite ? p : nil
    }
}
