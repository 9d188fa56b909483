import RegioSpatial

/// What a rule reads of the audit: the settings, the register, the current memberships and the region
/// shapes. The rules in `Audit/Rules/` see the audit through this interface alone, so each can be tested
/// with a small hand-made state; ``Auditor`` conforms (the incremental engine) and decides when to ask them.
/// Coordinates in EPSG:28992 metres; areas in km².
protocol AuditFacts: AnyObject {
    var settings: AuditSettings { get }
    /// The catchment areas (`part-of-larger-area`, the catchment exception of `undersized-region`), when computed.
    var catchments: CatchmentPartition? { get }

    // MARK: the register

    /// The register's entry for `code`, `nil` for a code not in the register.
    func school(_ code: SchoolCode) -> School?
    /// Whether the register has `code`.
    func isKnown(_ code: SchoolCode) -> Bool
    /// The school's location (its coordinates, or its postcode centroid), `nil` when it has none.
    func location(of code: SchoolCode) -> Point?
    /// Technical students of a school (the routes setting applied); 0 without pupil counts.
    func technical(_ code: SchoolCode) -> Int
    /// A school counts for `school-in-multiple-regions` when it is vmbo or vso (or has vmbo pupils).
    func isVmboOrVso(_ code: SchoolCode) -> Bool
    /// "00AB01 (Het College, Emmen)", or the bare code for a school not in the register.
    func label(_ code: SchoolCode) -> String
    /// The register's locations of a 4-character institution, in code order.
    func locations(ofInstitution institution: String) -> [SchoolCode]
    /// A located school that no municipality covers, with its distance to the nearest one.
    func outsideMap(_ code: SchoolCode) -> SchoolPlacement.OutsideSchool?
    /// The located schools nearest to `code` (closest first, ties by code), at most ``Auditor/neighbourCount``.
    func nearestSchools(to code: SchoolCode) -> [(school: SchoolCode, distance: Double)]
    /// The located schools other than `code` within `distance` metres of it, in no particular order, each
    /// with its distance in metres.
    func locatedSchools(within distance: Double, of code: SchoolCode) -> [(school: SchoolCode, distance: Double)]

    // MARK: the current registration

    /// The ids of the regions listing `code`, sorted; empty when none does.
    func regions(listing code: SchoolCode) -> [RegionID]
    /// The one region listing `code`, when exactly one does.
    func soleRegion(of code: SchoolCode) -> RegionID?
    /// The located member schools of a region (in listing order), their locations, and their groups
    /// (indices) by single linkage within ``AuditSettings/fragmentGapMeters``.
    func schoolGroups(of region: Region) -> Auditor.SchoolGroups
    /// Whether `point` lies inside the convex hull of the located members of region `id` (3 or more).
    func memberHull(of id: RegionID, contains point: Point) throws(SpatialError) -> Bool
    /// The area, km², that the territories of regions `a` and `b` share; `nil` when they do not meet.
    func sharedTerritory(_ a: RegionID, _ b: RegionID) throws(SpatialError) -> Double?
}

extension AuditFacts {
    /// A school offers a technical profile when it has at least one technical student.
    func offersTechnology(_ code: SchoolCode) -> Bool { technical(code) > 0 }

    /// Member schools of a region that are in the register.
    func knownMembers(_ region: Region) -> [SchoolCode] { region.schools.filter(isKnown) }
}
