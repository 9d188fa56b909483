import Hummingbird

/// The request context of `regio serve`: Hummingbird's basic context with a small upload limit.
public struct ServeRequestContext: RequestContext {
    /// Request bodies larger than this (bytes) are refused with 413: an edit or a scenario name is a few
    /// hundred bytes, a split of a large region a few kilobytes.
    public static let maxBodyBytes = 64 * 1024

    /// Hummingbird's per-request storage (logger, route parameters).
    public var coreContext: CoreRequestContextStorage

    /// The context of one request arriving from `source`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Hummingbird's own limit when it decodes a body; this server reads bodies with ``maxBodyBytes`` too.
    public var maxUploadSize: Int { Self.maxBodyBytes }
}
