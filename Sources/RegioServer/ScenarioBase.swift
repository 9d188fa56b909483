import Foundation
import RegioDomain
import RegioInputs
import RegioMap
import RegioReports
import RegioSpatial

/// What every scenario of one `regio serve` shares, loaded once: the inputs (``Dataset``), the catchment
/// areas, the base pre-registration and its audit, the page with the static map layers, and the builder of the
/// changing map layers. Local mode makes one ``ScenarioSession`` of it; team mode one per user's workspace,
/// each with its own ``Auditor`` (its own territories and caches) but the same geometries of the map.
///
/// Isolation: the dataset's ``GeometryContext`` and geometries, the auditors and the map builder are not
/// thread-safe. Everything here that touches them is read only by the sessions made from this base, and those
/// all run on ``executor``, one at a time (hence `@unchecked Sendable`); the initializer runs before any session
/// exists. Nothing non-`Sendable` is reachable from outside the module.
public final class ScenarioBase: @unchecked Sendable {
    let dataset: Dataset
    let catchments: CatchmentPartition?
    let registration: Registration
    let result: AuditResult
    let knownSchools: Set<SchoolCode>
    let municipalityNames: [String: String]
    /// The language of the page, its findings and its region portraits.
    let language: Language
    let schoolsByCode: [SchoolCode: School]
    /// The static map layers.
    public let background: MapBackground
    /// The page of `regio serve`, built around ``background`` once.
    let page: String
    /// Draws the changing layers: without municipalities, so without land and borders (the page has them)
    /// and in a frame around the schools alone.
    let map: MapDataBuilder
    /// Shift (map units, x then y) from ``map``'s frame to the background's.
    let mapOffset: [Int]
    /// The serial executor of every session of this base.
    let executor = GeometryExecutor()
    /// The auditor that audited the base, handed to the first session that asks (``makeAuditor()``), so that
    /// local mode audits once.
    private var spare: Auditor?
    private let lock = NSLock()

    /// Loads the inputs, forms the catchment areas and audits the base pre-registration.
    /// - Parameters:
    ///   - inputs: the files (a pre-registration is required).
    ///   - seed: seed of the catchment regionalization (as `regio audit --seed`).
    ///   - catchments: `false` skips the catchment areas and the rules that need them.
    ///   - language: the language of the page (`regio serve --language`); nil: the config file's `language`
    ///     key, else English.
    /// - Throws: ``InputError`` for an input that cannot be read, or a geometry failure on the map or in its page.
    public init(inputs: InputPaths, seed: UInt64 = 1, catchments: Bool = true, language chosen: Language? = nil) throws(InputError) {
        let dataset = try Dataset(loading: inputs)
        let language = chosen ?? dataset.settings.language
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
        self.page = try ServePage.html(background, municipalities: dataset.paths.municipalities ?? "the municipalities")
        self.dataset = dataset
        self.catchments = partition
        self.registration = auditor.registration
        self.result = baseResult
        self.spare = auditor
        self.knownSchools = Set(dataset.register.schools.map(\.code))
        self.municipalityNames = dataset.municipalityNames
        self.language = language
        self.schoolsByCode = dataset.schoolsByCode
        self.background = background
        self.map = map
        let frame = map.frame, home = whole.frame
        self.mapOffset = [Int(((frame.originX - home.originX) / home.unitMeters).rounded()),
                          Int(((home.originY - frame.originY) / home.unitMeters).rounded())]
    }

    /// An auditor at the base registration: the spare one the first time, a new audit afterwards. Called on
    /// ``executor`` only.
    /// - Throws: ``SessionError`` `.failed` for a geometry failure.
    func makeAuditor() throws(SessionError) -> Auditor {
        if let auditor = lock.withLock({ () -> Auditor? in defer { spare = nil }; return spare }) { return auditor }
        do {
            return try dataset.auditor(catchments: catchments)
        } catch {
            throw SessionError(.failed, "cannot audit the base registration: \(error.description)")
        }
    }

    /// The registration of the base with `edits` applied.
    /// - Throws: ``SessionError`` `.failed` naming the edit that does not apply.
    func registration(with edits: [Edit]) throws(SessionError) -> Registration {
        do {
            return try registration.applying(edits, knownSchools: knownSchools)
        } catch {
            throw SessionError(.failed, "the edits no longer apply: \(error.description)")
        }
    }
}
