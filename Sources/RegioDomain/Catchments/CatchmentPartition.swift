/// The division of a map into catchment areas: every unit in exactly one area, every placed school in the
/// area of its unit. Printed with ``method`` in every report that uses it.
public struct CatchmentPartition: Sendable, Hashable {
    /// The areas, in id order ("C01", "C02", …).
    public let areas: [CatchmentArea]
    /// Unit code → index into ``areas``.
    public let areaOfUnit: [String: Int]
    /// School → index into ``areas`` (placed schools only).
    public let areaOfSchool: [SchoolCode: Int]
    /// One sentence naming the algorithm, the contiguity rule, the thresholds and the seed.
    public let method: LocalizedText
    /// Island links, units or schools that needed special handling, areas below the thresholds.
    public let notes: [LocalizedText]
    /// The contiguity graph the areas were formed on (shared border lengths, island links).
    public let adjacency: UnitAdjacency
    /// The heterogeneity of the areas (sum over areas of pairwise distances between unit centroids, metres;
    /// see ``MaxPRegionalization``).
    public let heterogeneityMeters: Double
    /// The unit property the areas were bounded on (``CatchmentArea/measureTotal``), or `nil` when they were
    /// formed on the school thresholds.
    public let measureName: String?
    /// The links between units that share no border but were let into one area: islands and detached
    /// parts joined to the nearest mainland unit, and components that cannot reach the thresholds.
    public let links: [Link]

    /// Two units let into one area without a shared border.
    public struct Link: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A detached part of the map joined to its nearest mainland unit (``UnitAdjacency/IslandLink``).
            case island
            /// A component that cannot reach the thresholds, joined to the nearest unit of one that can.
            case component
        }
        public let kind: Kind
        /// Unit codes.
        public let from: String
        public let to: String
        /// Metres: polygon distance for an island link, centroid distance for a component link.
        public let distanceMeters: Double

        public init(kind: Kind, from: String, to: String, distanceMeters: Double) {
            self.kind = kind
            self.from = from
            self.to = to
            self.distanceMeters = distanceMeters
        }
    }

    public init(areas: [CatchmentArea], areaOfUnit: [String: Int], areaOfSchool: [SchoolCode: Int],
                method: LocalizedText, notes: [LocalizedText], adjacency: UnitAdjacency, heterogeneityMeters: Double,
                measureName: String? = nil, links: [Link] = []) {
        self.measureName = measureName
        self.links = links
        self.areas = areas
        self.areaOfUnit = areaOfUnit
        self.areaOfSchool = areaOfSchool
        self.method = method
        self.notes = notes
        self.adjacency = adjacency
        self.heterogeneityMeters = heterogeneityMeters
    }

    /// The number of areas (the p of max-p).
    public var count: Int { areas.count }

    /// The area of a school, if it was placed.
    public func area(of school: SchoolCode) -> CatchmentArea? { areaOfSchool[school].map { areas[$0] } }

    /// The area of a unit (municipality code).
    public func area(ofUnit code: String) -> CatchmentArea? { areaOfUnit[code].map { areas[$0] } }
}
