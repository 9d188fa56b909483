/// Why the scenario session refused a request, with the HTTP status the server answers with.
public struct SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal: it decides the HTTP status.
    public enum Kind: Sendable, Equatable {
        /// The request asks for something that cannot be (an edit that cannot apply, a bad name): 400.
        case rejected
        /// The request is well-formed but the session's state does not allow it (nothing to undo, a saved
        /// scenario that does not apply to these inputs): 409.
        case conflict
        /// No such saved scenario: 404.
        case notFound
        /// The geometry library or the database failed: 500.
        case failed
    }

    /// What kind of refusal it is.
    public let kind: Kind
    /// One line a person can act on, e.g. `edit 1 (move 00AB01 to STO19007): 00AB01 is already in STO19007`.
    public let message: String

    /// A refusal of `kind` saying `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
