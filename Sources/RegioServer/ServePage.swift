import Foundation
import Hummingbird
import RegioFormats

/// The page of `regio serve`: one self-contained HTML document (inline style and script, the static map
/// layers as an inline JSON blob). Everything else it needs comes from this server's own `/api/`; its
/// content security policy lets it load nothing from anywhere else.
enum ServePage {
    static func html(_ background: MapBackground) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = JSONText.embeddable((try? encoder.encode(background)) ?? Data("{}".utf8))
        let title = background.title.htmlEscaped
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="regio serve">
        <link rel="icon" href="data:,">
        <title>\(title) · scenarios</title>
        <style>
        \(RegionPortrait.css)
        \(PageStylesheet.css)
        \(ServeStylesheet.css)
        </style>
        </head>
        <body>
        <header class="top">
          <h1>\(title)</h1>
          <p class="summary" id="summary">Loading…</p>
          <div class="tools">
            <button type="button" id="undo" disabled title="Undo (Ctrl+Z)">↶ Undo</button>
            <button type="button" id="redo" disabled title="Redo (Ctrl+Shift+Z)">↷ Redo</button>
            <details class="edits" id="edits-box"><summary id="edit-count">base</summary><ol id="edit-list"></ol></details>
            <form id="save-form" class="save" autocomplete="off">
              <input type="text" id="save-name" maxlength="120" placeholder="Scenario name" aria-label="Scenario name" required>
              <button type="submit" id="save-button">Save</button>
            </form>
            <details class="scenarios" id="scenarios-box"><summary>Saved scenarios (<span id="scenario-count">0</span>)</summary>
              <ul id="scenario-list"></ul></details>
          </div>
        </header>
        <div class="message" id="message" role="alert" hidden></div>
        <main class="layout">
          <section class="map-pane">
            <div class="map-wrap" id="map-wrap">
              <svg id="map" role="img" aria-label="Map of the regions and schools of the scenario" preserveAspectRatio="xMidYMid meet"></svg>
              <div class="zoom">
                <button type="button" id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
                <button type="button" id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
                <button type="button" id="zoom-reset" title="Show the whole map" aria-label="Show the whole map">⌂</button>
              </div>
              <div class="school-panel" id="school-panel" hidden></div>
              <div class="tooltip" id="tooltip" hidden></div>
            </div>
            <div class="below">
              <p class="hint">Click a school to move it to another region; click a region (on the map or in the list) to merge it or split it. Drag to pan, wheel to zoom; Ctrl+Z undoes.</p>
              <section class="findings" id="findings" aria-label="Findings"></section>
              <p class="methods" id="methods"></p>
            </div>
          </section>
          <aside class="side">
            <input type="search" id="filter" placeholder="Filter: id, name, school" aria-label="Filter the regions" autocomplete="off">
            <ul id="region-list" class="region-list" aria-label="Regions"></ul>
            <section id="region-detail" class="region-detail" hidden></section>
          </aside>
        </main>
        <script type="application/json" id="regio-background">\(json)</script>
        <script>
        \(ServeScript.javaScript)
        </script>
        </body>
        </html>

        """
    }

    /// The page's answer: HTML that may run its own inline script and talk to this server only.
    static func response(_ page: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
