import RegioDomain
import RegioReports

/// Writes ``MapData`` as JSON by hand, for the data embedded in the `regio map` page and for the map layers of
/// the `regio serve` state: Foundation's encoder took about 100 ms for the 1.4 MB of the whole country. The
/// members are those of `MapData`'s `Codable` conformance (optional ones left out when absent, as it does),
/// so `JSONDecoder` reads the result back (the tests do).
///
/// The text may go inside `<script type="application/json">`, so strings are written in ``JSONText``'s
/// embeddable mode: no text can close the element or open a comment.
final class MapJSONWriter {
    private var bytes: [UInt8] = []
    /// Whether the next member or element is the first of its object or array (no comma before it).
    private var first = true

    static func json(_ data: MapData) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2_000_000)
        append(data, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `data` to `out` (as the value of a member or element already begun).
    static func append(_ data: MapData, to out: inout [UInt8]) {
        let w = MapJSONWriter()
        swap(&w.bytes, &out)
        w.write(data)
        swap(&w.bytes, &out)
    }

    func write(_ d: MapData) {
        object {
            key("title"); string(d.title)
            key("language"); string(d.language)
            key("colorBy"); string(d.colorBy)
            key("frame"); object {
                key("unitMeters"); number(d.frame.unitMeters)
                key("originX"); number(d.frame.originX)
                key("originY"); number(d.frame.originY)
                key("width"); integer(d.frame.width)
                key("height"); integer(d.frame.height)
            }
            key("land"); string(d.land)
            key("borders"); string(d.borders)
            key("regions"); array(d.regions) { r in
                object {
                    key("id"); string(r.id.rawValue)
                    key("name"); string(r.name)
                    key("color"); string(r.color)
                    if let share = r.share { key("share"); number(share) }
                    key("techniekarm"); raw(r.techniekarm ? "true" : "false")
                    key("status"); string(r.status)
                    key("errors"); integer(r.errors)
                    key("warnings"); integer(r.warnings)
                    key("infos"); integer(r.infos)
                    key("schools"); integer(r.schools)
                    key("technicalSchools"); integer(r.technicalSchools)
                    if let budget = r.budget { key("budget"); number(budget) }
                    key("area"); number(r.area)
                    key("path"); string(r.path)
                    if let label = r.label { key("label"); integers(label) }
                    key("portrait"); string(r.portrait)
                }
            }
            key("schools"); array(d.schools) { s in
                object {
                    key("code"); string(s.code)
                    key("name"); string(s.name)
                    key("town"); string(s.town)
                    key("kind"); string(s.kind)
                    key("x"); integer(s.x)
                    key("y"); integer(s.y)
                    key("regions"); ids(s.regions)
                    key("technical"); raw(s.technical ? "true" : "false")
                    key("approximate"); raw(s.approximate ? "true" : "false")
                }
            }
            key("pairs"); array(d.pairs) { p in
                object {
                    key("schools"); strings(p.schools)
                    key("regions"); ids(p.regions)
                    key("line"); integers(p.line)
                    key("severity"); string(p.severity)
                    key("message"); string(p.message)
                }
            }
            key("rings"); array(d.rings) { g in
                object {
                    key("school"); string(g.school)
                    key("x"); integer(g.x)
                    key("y"); integer(g.y)
                    key("severity"); string(g.severity)
                    key("rules"); strings(g.rules)
                    key("regions"); ids(g.regions)
                    key("messages"); strings(g.messages)
                }
            }
            key("overlaps"); array(d.overlaps) { o in
                object {
                    key("regions"); ids(o.regions)
                    key("path"); string(o.path)
                    key("areaSquareKilometers"); number(o.areaSquareKilometers)
                    key("message"); string(o.message)
                }
            }
            key("techniekarmShareBelow"); number(d.techniekarmShareBelow)
            key("shareScaleMax"); number(d.shareScaleMax)
            key("errors"); integer(d.errors)
            key("warnings"); integer(d.warnings)
            key("infos"); integer(d.infos)
            key("totals"); string(d.totals)
            key("methods"); strings(d.methods)
        }
    }

    // MARK: building blocks

    private func object(_ body: () -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        first = true
        body()
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    private func array<T>(_ items: [T], _ element: (T) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        first = true
        for item in items { element(item) }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A member name; its value follows without a comma.
    private func key(_ name: String) {
        separate()
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    /// A comma unless this is the first member or element.
    private func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    private func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    private func integer(_ value: Int) {
        separate()
        JSONText.appendInteger(value, to: &bytes)
    }

    /// The shortest text that reads back as `value`; `null` when not finite.
    private func number(_ value: Double) {
        separate()
        JSONText.appendReal(value, to: &bytes)
    }

    private func integers(_ values: [Int]) { array(values) { integer($0) } }

    private func strings(_ values: [String]) { array(values) { string($0) } }

    private func ids(_ values: [RegionID]) { array(values) { string($0.rawValue) } }

    private func string(_ text: String) {
        separate()
        quoted(text)
    }

    private func quoted(_ text: String) {
        JSONText.appendString(text, to: &bytes, embeddable: true)
    }
}

extension MapData {
    /// Appends this map as UTF-8 JSON text, written by ``MapJSONWriter`` (several times faster than
    /// `JSONEncoder`; `JSONDecoder` reads it back as the same value).
    public func appendJSON(to out: inout [UInt8]) { MapJSONWriter.append(self, to: &out) }
}
