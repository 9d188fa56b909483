/// Every finding of the current audit in report order (worst first, then rule, regions, schools, message,
/// value and subject region; see ``precedes(_:_:)``), kept in order as the auditor replaces the findings of a scope, instead of sorted anew for each
/// result: a scenario edit changes a handful of findings out of hundreds.
struct SortedFindings {
    /// The findings in report order, as of the last ``settle(everything:)``.
    private(set) var ordered: [Finding] = []
    /// Findings replaced and their replacements since the last settle.
    private var removed: [Finding] = []
    private var added: [Finding] = []
    /// Above this many pending changes the whole list is sorted again instead of edited in place.
    private static let editLimit = 64

    /// Records that a scope's findings `old` became `new`.
    mutating func replace(_ old: [Finding], with new: [Finding]) {
        guard old != new else { return }
        removed.append(contentsOf: old)
        added.append(contentsOf: new)
    }

    /// Brings ``ordered`` up to date with the recorded changes. `everything` lists every current finding; it is
    /// called only when there are too many changes to edit the ordered list in place.
    mutating func settle(everything: () -> [Finding]) {
        guard !removed.isEmpty || !added.isEmpty else { return }
        defer { removed.removeAll(keepingCapacity: true); added.removeAll(keepingCapacity: true) }
        // A finding removed and added again (a close-by pair re-evaluated from its other school) is no change.
        removed.sort(by: Self.precedes)
        added.sort(by: Self.precedes)
        var (out, into) = ([Finding](), [Finding]())
        var (i, j) = (0, 0)
        while i < removed.count || j < added.count {
            if j == added.count || (i < removed.count && Self.precedes(removed[i], added[j])) {
                out.append(removed[i]); i += 1
            } else if i == removed.count || Self.precedes(added[j], removed[i]) {
                into.append(added[j]); j += 1
            } else if removed[i] == added[j] {
                i += 1; j += 1
            } else {
                out.append(removed[i]); i += 1
            }
        }
        if out.count + into.count > Self.editLimit {
            ordered = Self.sorted(everything())
            return
        }
        for finding in out {
            var at = lowerBound(of: finding)
            while at < ordered.count && ordered[at] != finding && !Self.precedes(finding, ordered[at]) { at += 1 }
            if at < ordered.count && ordered[at] == finding { ordered.remove(at: at) } else { assertionFailure("a removed finding was not listed") }
        }
        for finding in into {
            var at = lowerBound(of: finding)
            while at < ordered.count && !Self.precedes(finding, ordered[at]) { at += 1 }
            ordered.insert(finding, at: at)
        }
    }

    /// The first position whose finding does not precede `finding`.
    private func lowerBound(of finding: Finding) -> Int {
        var (low, high) = (0, ordered.count)
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(ordered[middle], finding) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Report order: severity (errors first), then the key (rule, regions, schools), the message, the value
    /// (none first) and the subject region: only equal findings tie, so the order does not depend on the
    /// order of the changes.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        let (ra, rb) = (a.severity.rank, b.severity.rank)
        if ra != rb { return ra < rb }
        if a.key != b.key { return a.key < b.key }
        // Rendered only for findings of one key that say different things, which is rare.
        if !a.hasSameMessage(as: b) {
            let (ma, mb) = (a.message, b.message)
            if ma != mb { return ma < mb }
        }
        if a.value != b.value { return (a.value ?? -.infinity) < (b.value ?? -.infinity) }
        return (a.subjectRegion ?? "") < (b.subjectRegion ?? "")
    }

    /// `findings` in report order. Positions are sorted, not the findings themselves (moving a finding retains
    /// and releases each of its arrays and strings).
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let order = findings.withUnsafeBufferPointer { f in f.indices.sorted { precedes(f[$0], f[$1]) } }
        return order.map { findings[$0] }
    }
}
