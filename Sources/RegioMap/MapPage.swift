import RegioReports
import RegioWebAssets

/// The self-contained HTML page of `regio map`: its template `map.html` in RegioWebAssets (stylesheets and
/// scripts inlined) filled with the title, the language, the colour mode, the frame and the data as one JSON
/// blob. The page's script takes its words from `strings.js` in the data's language. Nothing is loaded from
/// elsewhere (no scripts, fonts, tiles or images).
enum MapPage {
    static let template = PageTemplate("map.html")

    static func html(_ data: MapData) -> String {
        template.filled([
            "title": data.title.htmlEscaped,
            "language": data.language.htmlEscaped,
            "colorBy": data.colorBy.htmlEscaped,
            "frameWidth": String(data.frame.width),
            "frameHeight": String(data.frame.height),
            "data": MapJSONWriter.json(data),
        ])
    }
}
