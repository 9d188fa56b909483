import RegioSpatial

/// A municipality (*gemeente*) with its polygon in EPSG:28992 (RD New, metres).
public struct Municipality {
    /// CBS code, e.g. `GM0363`.
    public let code: String
    public let name: String
    /// Polygon or multi-polygon, valid (repaired when the input was not), in RD New metres.
    public let geometry: Geometry

    public init(code: String, name: String, geometry: Geometry) {
        self.code = code
        self.name = name
        self.geometry = geometry
    }

    /// Area in km².
    public var areaSquareKilometers: Double { geometry.area / 1_000_000 }
}
