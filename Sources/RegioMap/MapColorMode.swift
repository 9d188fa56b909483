
/// What the fill of the region territories shows when the map opens (the page has a toggle for all three).
public enum MapColorMode: String, CaseIterable, Sendable, Codable {
    /// One distinct colour per region (neighbouring regions never share a colour).
    case region
    /// The technical share on a sequential scale, with the techniekarm threshold in the legend.
    case share
    /// The worst finding: errors red, warnings amber, no error or warning green.
    case status
}
