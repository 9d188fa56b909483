/// Every finding of the current audit in report order (worst first, then rule, regions, schools, value,
/// subject region and message; see ``order(_:_:)``), kept in order as the auditor replaces the findings of a
/// scope, instead of sorted anew for each result: a scenario edit changes a handful of findings out of hundreds.
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
        // At least this many findings change (the first audit adds them all): sort anew without matching them up.
        if abs(added.count - removed.count) > Self.editLimit {
            ordered = Self.sorted(everything())
            return
        }
        // A finding removed and added again (a scope re-evaluated to the same finding) is no change.
        removed.sort(by: Self.precedes)
        added.sort(by: Self.precedes)
        var (out, into) = ([Finding](), [Finding]())
        var (i, j) = (0, 0)
        while i < removed.count || j < added.count {
            let order = i == removed.count ? 1 : j == added.count ? -1 : Self.order(removed[i], added[j])
            if order < 0 {
                out.append(removed[i]); i += 1
            } else if order > 0 {
                into.append(added[j]); j += 1
            } else {
                i += 1; j += 1
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

    /// Report order: severity (errors first), then the key (rule, regions, schools), the value (none first),
    /// the subject region and last the message. Findings of one key rarely differ, and the message is compared
    /// only when all else is equal (an overlap or distance that changed differs in its value first). Only
    /// findings that say the same tie, so the order does not depend on the order of the changes.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool { order(a, b) < 0 }

    /// -1 when `a` comes before `b` in report order (``precedes(_:_:)``), 1 when after, 0 when they are equal.
    static func order(_ a: Finding, _ b: Finding) -> Int {
        let (ra, rb) = (a.severity.rank, b.severity.rank)
        if ra != rb { return ra < rb ? -1 : 1 }
        let (ka, kb) = (a.key, b.key)
        if ka != kb { return ka < kb ? -1 : 1 }
        // A key joins the ids with commas, so two different lists could make one key: they are told apart here.
        if a.regions != b.regions { return a.regions.lexicographicallyPrecedes(b.regions) ? -1 : 1 }
        if a.schools != b.schools { return a.schools.lexicographicallyPrecedes(b.schools) ? -1 : 1 }
        if a.value != b.value { return (a.value ?? -.infinity) < (b.value ?? -.infinity) ? -1 : 1 }
        let (sa, sb) = (a.subjectRegion?.rawValue ?? "", b.subjectRegion?.rawValue ?? "")
        if sa != sb { return sa < sb ? -1 : 1 }
        // Rendered only for findings that differ in nothing but their message, which is rare.
        if a.hasSameMessage(as: b) { return 0 }
        let (ma, mb) = (a.message, b.message)
        return ma == mb ? 0 : ma < mb ? -1 : 1
    }

    /// `findings` in report order. Positions are sorted, not the findings themselves (moving a finding retains
    /// and releases each of its arrays and strings).
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let order = findings.withUnsafeBufferPointer { f in f.indices.sorted { precedes(f[$0], f[$1]) } }
        return order.map { findings[$0] }
    }
}
