import Dispatch
import HummingbirdBcrypt

/// bcrypt (HummingbirdBcrypt), run on a dispatch queue of its own: hashing is slow on purpose (cost
/// ``cost``: 2^11 rounds, about 0.1–0.2 s on this machine), and would hold up the server's tasks if run on them.
enum PasswordHashing {
    /// bcrypt's cost: 2^cost rounds. At least 10 (OWASP's floor for bcrypt).
    static let cost: UInt8 = 11
    /// Passwords shorter than this are refused.
    static let minimumLength = 10
    /// bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut.
    static let maximumBytes = 72

    private static let queue = DispatchQueue(label: "regio.bcrypt", qos: .userInitiated, attributes: .concurrent)

    /// The bcrypt hash of `password`.
    static func hash(_ password: String) async -> String {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Bcrypt.hash(password, cost: cost)) }
        }
    }

    /// Whether `password` matches `hash`.
    static func verify(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    /// A hash of a password nobody has, verified against when the user name is unknown, so that a wrong name
    /// takes as long as a wrong password (no telling which names exist by the time it takes). Made on the
    /// hashing queue, at the first unknown name.
    private static let decoy = Bcrypt.hash("regio-decoy-password-never-used", cost: cost)

    /// Takes as long as ``verify(_:hash:)`` of a real account, and fails.
    static func verifyDecoy(_ password: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                _ = Bcrypt.verify(password, hash: decoy)
                continuation.resume()
            }
        }
    }

    /// Why `password` cannot be used, or nil.
    static func problem(_ password: String) -> String? {
        if password.isEmpty { return "the password is empty" }
        if password.count < minimumLength {
            return "the password has \(password.count) characters; at least \(minimumLength)"
        }
        if password.utf8.count > maximumBytes {
            return "the password has \(password.utf8.count) bytes; bcrypt reads at most \(maximumBytes)"
        }
        return nil
    }
}
