/// An error raised by GEOS or PROJ, wrapped so that the C library's message is never shown bare.
public struct SpatialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, by kind.
    public enum Kind: String, Sendable {
        /// A GEOS operation failed (returned its documented exception sentinel).
        case geometry
        /// A coordinate reference system could not be created or found.
        case unknownCRS
        /// A coordinate transformation failed.
        case projection
        /// WKB or WKT could not be read or written.
        case encoding
    }

    public let kind: Kind
    /// The operation that failed, in words ("union of 12 polygons").
    public let operation: String
    /// The message GEOS or PROJ gave, if any.
    public let libraryMessage: String?

    public init(_ kind: Kind, operation: String, libraryMessage: String? = nil) {
        self.kind = kind
        self.operation = operation
        self.libraryMessage = libraryMessage.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String {
        if let libraryMessage { return "\(operation) failed: \(libraryMessage)" }
        return "\(operation) failed"
    }
}
