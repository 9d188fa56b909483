/// Words that join and measure, as each language writes them in running text.
extension Language {
    /// "A", "A and B", "A, B and C" (en); "A", "A en B", "A, B en C" (nl).
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (self == .nl ? " en " : " and ") + items[items.count - 1]
    }

    /// ``list(_:)`` of ids or other values written as text.
    public func list(_ items: [some CustomStringConvertible]) -> String { list(items.map(\.description)) }

    /// A distance given in metres: "850 m" under a kilometre, else "4.9 km" (en) or "4,9 km" (nl).
    public func distance(_ metres: Double) -> String {
        metres < 999.5 ? "\(integer(Int(metres.rounded()))) m" : kilometres(metres)
    }

    /// An area in km² with one decimal: "3.2 km²" (en), "3,2 km²" (nl).
    public func squareKilometres(_ area: Double, decimals: Int = 1) -> String {
        number(area, decimals: decimals) + " km²"
    }

    /// `english` or `dutch`, whichever is this language's.
    @inlinable
    public func pick<T>(_ english: T, _ dutch: T) -> T { self == .nl ? dutch : english }
}
