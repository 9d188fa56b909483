import RegioDomain

/// One change of a scenario session, as a journal records it.
public enum ScenarioChange: Sendable, Equatable {
    /// An edit applied (the redo stack is cleared).
    case edit(Edit)
    /// The last edit taken back.
    case undo
    /// The last undone edit applied again.
    case redo
    /// The edits replaced by those of a saved scenario.
    case load(Scenario)
}

/// The edits of a session as its journal replays them: the applied edits (the undo stack), the undone ones
/// (the redo stack, the next one to redo last) and the name of the scenario last loaded while unchanged.
public struct ScenarioHistory: Sendable, Equatable {
    public var edits: [Edit] = []
    public var undone: [Edit] = []
    public var scenarioName: String?

    public init(edits: [Edit] = [], undone: [Edit] = [], scenarioName: String? = nil) {
        self.edits = edits
        self.undone = undone
        self.scenarioName = scenarioName
    }

    /// The history after `change`, as ``ScenarioSession`` makes it (an undo or redo with nothing to take is
    /// ignored: the session refuses those before recording them).
    public func after(_ change: ScenarioChange) -> ScenarioHistory {
        var next = self
        switch change {
        case let .edit(edit):
            next.edits.append(edit)
            next.undone.removeAll()
            next.scenarioName = nil
        case .undo:
            guard let last = next.edits.popLast() else { return self }
            next.undone.append(last)
            next.scenarioName = nil
        case .redo:
            guard let again = next.undone.popLast() else { return self }
            next.edits.append(again)
            next.scenarioName = nil
        case let .load(scenario):
            next = ScenarioHistory(edits: scenario.edits, undone: [], scenarioName: scenario.name)
        }
        return next
    }
}

/// Where a session writes each change before it acknowledges it, and reads its history back when it is rebuilt
/// (team mode: the workspace's rows in the team database, so a restart, even `kill -9`, loses no change).
/// Called on the session's executor, synchronously: the change is recorded in the same step as it is made, so
/// the journal's order is the session's.
public protocol ScenarioJournal: Sendable {
    /// Stores `change` durably.
    /// - Throws: ``SessionError`` `.failed` when it cannot: the session then takes the change back.
    func record(_ change: ScenarioChange) throws(SessionError)
    /// Every change recorded so far, replayed.
    func history() throws(SessionError) -> ScenarioHistory
}
