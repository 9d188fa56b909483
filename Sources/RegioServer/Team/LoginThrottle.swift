import Foundation

/// Slows down password guessing: after ``maximumFailures`` failed sign-ins within ``windowSeconds`` for one user
/// name, or from one client address, further attempts for it are refused (429, with the seconds to wait) until
/// the oldest failure is older than the window. Kept in memory: a restart forgets it, which costs a guesser a
/// restart of the server per five guesses.
actor LoginThrottle {
    let maximumFailures: Int
    let windowSeconds: Double
    private var failures: [String: [Date]] = [:]

    init(maximumFailures: Int = 5, windowSeconds: Double = 60) {
        self.maximumFailures = maximumFailures
        self.windowSeconds = windowSeconds
    }

    /// The keys of a sign-in: the name (without regard to case) and the address.
    static func keys(name: String, address: String?) -> [String] {
        ["name:" + name.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Seconds to wait before trying `keys` again (rounded up), or nil when an attempt is allowed now.
    func wait(_ keys: [String], now: Date = Date()) -> Int? {
        var longest: Double?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < windowSeconds }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= maximumFailures, let oldest = recent.first {
                longest = max(longest ?? 0, windowSeconds - now.timeIntervalSince(oldest))
            }
        }
        return longest.map { max(1, Int($0.rounded(.up))) }
    }

    /// Counts a failed sign-in against `keys`.
    func failed(_ keys: [String], now: Date = Date()) {
        for key in keys { failures[key, default: []].append(now) }
    }

    /// Forgets the failures of a user name after a successful sign-in (those of the address stay).
    func succeeded(name: String) {
        failures["name:" + name.lowercased()] = nil
    }
}
