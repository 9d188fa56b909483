import CGEOS

/// Owns one GEOS context handle and frees it when released.
///
/// A GEOS context is not thread-safe: use one context per task or thread. The type is deliberately not
/// `Sendable`, so Swift 6 keeps each context (and every geometry made in it) inside one task.
/// Make one context and reuse it for every operation; creating contexts in a loop is slow.
public final class GeometryContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Collects the messages GEOS reports through its error handler; GEOS handlers are C function
    /// pointers that cannot capture context, so the box travels as the handler's userdata pointer.
    final class MessageBox {
        var lastError: String?
        var lastNotice: String?
    }

    public init() {
        // GEOS_init_r never fails short of memory exhaustion; it returns a fresh handle.
        handle = GEOS_init_r()
        messages = MessageBox()
        let userdata = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, userdata)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastNotice = String(cString: message)
        }, userdata)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Takes (and clears) the last error message GEOS reported in this context.
    func takeError() -> String? {
        defer { messages.lastError = nil }
        return messages.lastError
    }

    /// Builds the error for a failed GEOS call, carrying GEOS's own message.
    func failure(_ operation: String, kind: SpatialError.Kind = .geometry) -> SpatialError {
        SpatialError(kind, operation: operation, libraryMessage: takeError())
    }

    /// Wraps a newly created geometry pointer, or throws with GEOS's message when it is NULL
    /// (GEOS returns NULL on exception for every constructive function).
    func own(_ pointer: OpaquePointer?, _ operation: @autoclosure () -> String) throws(SpatialError) -> Geometry {
        guard let pointer else { throw failure(operation()) }
        return Geometry(owning: pointer, in: self)
    }

    /// Interprets a GEOS predicate result: 1 true, 0 false, 2 exception.
    func predicate(_ result: CChar, _ operation: @autoclosure () -> String) throws(SpatialError) -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw failure(operation())
        }
    }
}
