import Foundation
import GRDB
import RegioDomain
@testable import RegioServer
import Testing

/// The journal of a workspace: what it stores replays to the session's stacks, and many undos and redos are
/// compacted to the few rows that replay the same.
@Suite struct WorkspaceJournalTests {
    let a = Edit.move(school: SchoolCode("00AB01")!, to: "STO19001")
    let b = Edit.move(school: SchoolCode("00AB02")!, to: "STO19002")

    @Test func theHistoryFollowsTheSessionsStacks() {
        var h = ScenarioHistory()
        for change in [ScenarioChange.edit(a), .edit(b), .undo] { h = h.after(change) }
        #expect(h == ScenarioHistory(edits: [a], undone: [b]))
        #expect(h.after(.redo) == ScenarioHistory(edits: [a, b]))
        #expect(h.after(.edit(b)) == ScenarioHistory(edits: [a, b]), "an edit clears the redo stack")
        let loaded = h.after(.load(Scenario(name: "North", edits: [b])))
        #expect(loaded == ScenarioHistory(edits: [b], undone: [], scenarioName: "North"))
        #expect(loaded.after(.undo) == ScenarioHistory(edits: [], undone: [b]), "a change forgets the scenario's name")
        #expect(ScenarioHistory().after(.undo) == ScenarioHistory(), "nothing to undo changes nothing")
    }

    @Test func manyUndosAndRedosAreCompactedToRowsThatReplayTheSame() async throws {
        let path = ServerFixture.temporaryDatabase()
        let database = try TeamDatabase(path: path)
        let user = try await Accounts(database).add(name: "bert", role: .region, region: "STO19001", password: "long enough password")
        let journal = WorkspaceJournal(database: database, userID: user.id)
        try journal.record(.edit(a))
        try journal.record(.edit(b))
        for _ in 0..<100 {
            try journal.record(.undo)
            try journal.record(.redo)
        }
        try journal.record(.undo)
        func rows() throws -> Int {
            try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM workspace_events") ?? 0 }
        }
        #expect(try rows() == 203)
        let expected = ScenarioHistory(edits: [a], undone: [b])
        #expect(try journal.history() == expected)
        #expect(try rows() == 3, "edit a, edit b, undo")
        #expect(try journal.history() == expected)
    }
}
