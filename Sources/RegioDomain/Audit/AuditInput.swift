/// Everything an audit reads: the register, pupil counts, the map, the placement of schools, the
/// pre-registration, the settings and (optionally) the catchment areas. Coordinates in EPSG:28992.
public struct AuditInput {
    public let schools: [School]
    public let counts: [SchoolCode: StudentCounts]
    public let map: MunicipalityMap
    public let placement: SchoolPlacement
    public let registration: Registration
    public let settings: AuditSettings
    /// The logical catchment areas; without them the catchment-based rules are not evaluated.
    public let catchments: CatchmentPartition?

    public init(schools: [School], counts: [SchoolCode: StudentCounts], map: MunicipalityMap,
                placement: SchoolPlacement, registration: Registration, settings: AuditSettings,
                catchments: CatchmentPartition?) {
        self.schools = schools
        self.counts = counts
        self.map = map
        self.placement = placement
        self.registration = registration
        self.settings = settings
        self.catchments = catchments
    }
}
