import Foundation
import GRDB
import RegioDomain

/// One user's workspace journal: every change of their ``ScenarioSession`` as a row of `workspace_events`,
/// written (and committed, durably) before the change is acknowledged, and replayed into a
/// ``ScenarioHistory`` when the workspace is rebuilt: after eviction from memory, or a restart, even `kill -9`.
struct WorkspaceJournal: ScenarioJournal {
    let database: TeamDatabase
    let userID: Int64

    /// A change as stored: `{"edit": {...}}`, `{"undo": true}`, `{"redo": true}` or `{"load": {"name", "edits"}}`.
    struct Record: Codable {
        var edit: Edit?
        var undo: Bool?
        var redo: Bool?
        var load: Scenario?

        init(_ change: ScenarioChange) {
            switch change {
            case let .edit(e): edit = e
            case .undo: undo = true
            case .redo: redo = true
            case let .load(s): load = s
            }
        }

        var change: ScenarioChange? {
            if let edit { return .edit(edit) }
            if undo == true { return .undo }
            if redo == true { return .redo }
            if let load { return .load(load) }
            return nil
        }
    }

    func record(_ change: ScenarioChange) throws(SessionError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text: String
        do {
            text = String(decoding: try encoder.encode(Record(change)), as: UTF8.self)
        } catch {
            throw SessionError(.failed, "cannot encode the change: \(error)")
        }
        let userID = userID
        do {
            try database.pool.write { db in
                try db.execute(sql: "INSERT INTO workspace_events (user_id, at, change) VALUES (?, ?, ?)",
                               arguments: [userID, Date(), text])
            }
        } catch {
            throw SessionError(.failed, "cannot record the change in \(database.path): \(ScenarioStore.describe(error)); nothing was changed")
        }
    }

    func history() throws(SessionError) -> ScenarioHistory {
        let userID = userID
        let rows: [(Int64, String)]
        do {
            rows = try database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, change FROM workspace_events WHERE user_id = ? ORDER BY id", arguments: [userID])
                    .map { ($0["id"], $0["change"]) }
            }
        } catch {
            throw SessionError(.failed, "cannot read the workspace in \(database.path): \(ScenarioStore.describe(error))")
        }
        var history = ScenarioHistory()
        let decoder = JSONDecoder()
        for (id, text) in rows {
            guard let change = (try? decoder.decode(Record.self, from: Data(text.utf8)))?.change else {
                throw SessionError(.failed, "workspace event \(id) in \(database.path) cannot be read: \(text.prefix(80))")
            }
            history = history.after(change)
        }
        if rows.count > 2 * (history.edits.count + history.undone.count) + 64 { try compact(to: history) }
        return history
    }

    /// Replaces the user's rows by the fewest that replay to `history` (undo and redo back and forth leave
    /// many rows for few edits): a load of the named scenario, or the edits and the undone ones applied, then
    /// that many undos.
    private func compact(to history: ScenarioHistory) throws(SessionError) {
        let changes: [ScenarioChange]
        if let name = history.scenarioName {
            changes = [.load(Scenario(name: name, edits: history.edits))]
        } else {
            changes = (history.edits + history.undone.reversed()).map(ScenarioChange.edit)
                + Array(repeating: .undo, count: history.undone.count)
        }
        var replayed = ScenarioHistory()
        for change in changes { replayed = replayed.after(change) }
        guard replayed == history else { return }  // never store what would replay differently
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let userID = userID, now = Date()
        do {
            let texts = try changes.map { String(decoding: try encoder.encode(Record($0)), as: UTF8.self) }
            try database.pool.write { db in
                try db.execute(sql: "DELETE FROM workspace_events WHERE user_id = ?", arguments: [userID])
                for text in texts {
                    try db.execute(sql: "INSERT INTO workspace_events (user_id, at, change) VALUES (?, ?, ?)", arguments: [userID, now, text])
                }
            }
        } catch {
            throw SessionError(.failed, "cannot compact the workspace in \(database.path): \(ScenarioStore.describe(error))")
        }
    }
}
