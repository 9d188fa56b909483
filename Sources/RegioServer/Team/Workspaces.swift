import Foundation

/// The workspaces of team mode held in memory: one ``ScenarioSession`` per user who is working, made from the
/// shared ``ScenarioBase`` with the user's ``WorkspaceJournal``. Memory is bounded: at most ``capacity``
/// workspaces are held (the least recently used that no request is using goes first), and one unused for
/// ``idleSeconds`` goes at the next request of anyone. An evicted workspace loses nothing: its journal has every
/// change, and the next request of its user rebuilds it by replaying them (an audit of the base and one
/// incremental update to the edited registration).
actor Workspaces {
    let base: ScenarioBase
    let database: TeamDatabase
    let editLimit: Int
    /// The most workspaces held at once (`--max-workspaces`); more only while that many requests run at once.
    let capacity: Int
    /// Seconds after which an unused workspace is let go (`--workspace-idle`).
    let idleSeconds: Double

    private struct Held {
        let session: ScenarioSession
        var lastUsed: Date
        var inUse: Int
    }
    private var held: [Int64: Held] = [:]
    /// How many workspaces were rebuilt (made for a user), for tests and the log.
    private(set) var built = 0

    init(base: ScenarioBase, database: TeamDatabase, editLimit: Int, capacity: Int, idleSeconds: Double) {
        self.base = base
        self.database = database
        self.editLimit = editLimit
        self.capacity = capacity
        self.idleSeconds = idleSeconds
    }

    /// Runs `body` on `user`'s workspace, made or rebuilt first when it is not held; the workspace is not
    /// evicted while `body` runs.
    nonisolated func using<T: Sendable>(_ user: Int64, _ body: @Sendable (ScenarioSession) async throws -> T) async throws -> T {
        let session = await acquire(user)
        do {
            let answer = try await body(session)
            await release(user)
            return answer
        } catch {
            await release(user)
            throw error
        }
    }

    /// The number of workspaces held now.
    var count: Int { held.count }

    /// Lets go of `user`'s workspace (after the user is removed, or a failure that may have left it out of step
    /// with its journal); the next request rebuilds it.
    func evict(_ user: Int64) {
        if held[user]?.inUse == 0 { held[user] = nil }
    }

    private func acquire(_ user: Int64, now: Date = Date()) -> ScenarioSession {
        defer { trim(now: now) }
        if var entry = held[user] {
            entry.lastUsed = now
            entry.inUse += 1
            held[user] = entry
            return entry.session
        }
        // The session makes its auditor and replays the journal at its first request, on the geometry
        // executor: holding this actor meanwhile would make every other user wait.
        let session = ScenarioSession(base: base, editLimit: editLimit, journal: WorkspaceJournal(database: database, userID: user))
        held[user] = Held(session: session, lastUsed: now, inUse: 1)
        built += 1
        return session
    }

    private func release(_ user: Int64) {
        guard var entry = held[user] else { return }
        entry.inUse -= 1
        entry.lastUsed = Date()
        held[user] = entry
    }

    /// Lets go of idle workspaces, then of the least recently used until at most ``capacity`` are held.
    private func trim(now: Date) {
        for (user, entry) in held where entry.inUse == 0 && now.timeIntervalSince(entry.lastUsed) > idleSeconds {
            held[user] = nil
        }
        while held.count > capacity,
              let oldest = held.filter({ $0.value.inUse == 0 }).min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            held[oldest.key] = nil
        }
    }
}
