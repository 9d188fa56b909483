import RegioSpatial

/// Groups points that are linked, directly or through others, by distances of at most `distance`
/// (single-linkage clustering, i.e. connected components of the threshold graph). Points in the same
/// units as `distance` (metres in EPSG:28992). Groups are returned in order of their first member.
public func singleLinkageGroups(_ points: [Point], within distance: Double) -> [[Int]] {
    var parent = Array(points.indices)
    func find(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }
    for i in points.indices {
        for j in (i + 1)..<points.count where points[i].distance(to: points[j]) <= distance {
            let a = find(i), b = find(j)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
    }
    var groups: [Int: [Int]] = [:]
    var order: [Int] = []
    for i in points.indices {
        let root = find(i)
        if groups[root] == nil { order.append(root) }
        groups[root, default: []].append(i)
    }
    return order.map { groups[$0]! }
}
