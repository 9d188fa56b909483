/// Why catchment areas could not be computed: inputs of the wrong shape (a message with the numbers), or a
/// GEOS failure while building the adjacency (GEOS's own message wrapped, with the unit concerned).
public struct CatchmentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The inputs do not fit together: counts that differ, a negative bound, a unit index out of range.
        case badInput
        /// A geometry operation failed.
        case geometry
    }

    public let kind: Kind
    /// A sentence a person can act on, e.g. "attributes has 354 rows, expected one per unit (355)".
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
