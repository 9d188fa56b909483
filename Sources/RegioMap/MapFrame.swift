import RegioSpatial

/// The screen space of the HTML map: EPSG:28992 (RD New) metres used as they are (they are already planar),
/// shifted so the top-left corner of the mapped area is the origin, with y flipped (SVG's y grows
/// downwards) and rounded to ``unitMeters`` (10 m). One map unit is 10 m of RD New.
public struct MapFrame: Sendable, Hashable, Codable {
    /// Metres of RD New per map unit.
    public let unitMeters: Double
    /// RD x (metres) of the left edge: map x = (RD x − originX) / unitMeters.
    public let originX: Double
    /// RD y (metres) of the top edge: map y = (originY − RD y) / unitMeters.
    public let originY: Double
    /// Width and height of the mapped area, in map units.
    public let width: Int
    public let height: Int

    /// The frame around `envelope` (RD metres) with `marginMeters` on every side.
    public init(around envelope: Envelope, marginMeters: Double = 2_000, unitMeters: Double = 10) {
        let e = envelope.expanded(by: marginMeters)
        self.unitMeters = unitMeters
        originX = (e.minX / unitMeters).rounded(.down) * unitMeters
        originY = (e.maxY / unitMeters).rounded(.up) * unitMeters
        width = Int(((e.maxX - originX) / unitMeters).rounded(.up))
        height = Int(((originY - e.minY) / unitMeters).rounded(.up))
    }

    /// The map position of an RD point (metres), rounded to whole map units.
    public func position(_ p: Point) -> (x: Int, y: Int) {
        (Int(((p.x - originX) / unitMeters).rounded()), Int(((originY - p.y) / unitMeters).rounded()))
    }
}
