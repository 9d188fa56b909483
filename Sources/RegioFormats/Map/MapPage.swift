/// Assembles the self-contained HTML page: the skeleton, the stylesheet, the data as one JSON blob and
/// the script. Nothing is loaded from elsewhere (no scripts, fonts, tiles or images).
enum MapPage {
    static func html(_ data: MapData) -> String {
        let json = MapJSONWriter.json(data)
        let title = data.title.htmlEscaped
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="regio map">
        <title>\(title)</title>
        <style>
        \(RegionPortrait.css)
        \(PageStylesheet.css)
        \(MapStylesheet.css)
        </style>
        </head>
        <body class="mode-\(data.colorBy)">
        <header class="top">
          <h1>\(title)</h1>
          <p class="summary" id="summary"></p>
          <div class="controls">
            <div><span class="control-label">Colour by</span><span class="segmented" role="group" aria-label="Colour the regions by">\
        <button type="button" data-mode="region" aria-pressed="false">region</button>\
        <button type="button" data-mode="share" aria-pressed="false">technical share</button>\
        <button type="button" data-mode="status" aria-pressed="false">status</button></span></div>
            <div class="layers"><span class="control-label">Show</span>\
        <label><input type="checkbox" data-layer="borders" checked> municipalities</label>\
        <label><input type="checkbox" data-layer="schools" checked> schools</label>\
        <label><input type="checkbox" data-layer="findings" checked> findings</label>\
        <label><input type="checkbox" data-layer="labels" checked> labels</label></div>
          </div>
        </header>
        <main class="layout">
          <section class="map-pane">
            <div class="map-wrap" id="map-wrap">
              <svg id="map" role="img" aria-label="Map of the regions, their schools and findings" preserveAspectRatio="xMidYMid meet" viewBox="0 0 \(data.frame.width) \(data.frame.height)"></svg>
              <div class="zoom">
                <button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
                <button type="button" id="zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
                <button type="button" id="zoom-reset" title="Show the whole map" aria-label="Show the whole map">⌂</button>
                <button type="button" id="zoom-selection" title="Zoom to the selected regions" aria-label="Zoom to the selected regions" disabled>◎</button>
              </div>
              <details class="legend" id="legend-box" open><summary>Legend</summary><div id="legend"></div></details>
              <div class="tooltip" id="tooltip" hidden></div>
            </div>
            <p class="methods" id="methods"></p>
          </section>
          <aside class="side">
            <div class="side-head">
              <input type="search" id="filter" placeholder="Filter: id, name, school, town" aria-label="Filter the regions" autocomplete="off">
              <p class="hint">Click a region to see its portrait; Ctrl-click adds or removes one, Shift-click adds a range; double-click zooms to it. Drag to pan, wheel or +/− to zoom, Esc clears.</p>
              <a class="to-portraits" id="to-portraits" href="#portraits" hidden></a>
            </div>
            <ul id="region-list" class="region-list" role="listbox" aria-multiselectable="true" aria-label="Regions"></ul>
          </aside>
        </main>
        <section id="portraits" class="portraits" aria-label="Region portraits">
          <p class="portraits-empty">Select one or more regions in the list or on the map to see their portraits here.</p>
        </section>
        <script type="application/json" id="regio-map-data">\(json)</script>
        <script>
        \(MapScript.javaScript)
        </script>
        </body>
        </html>

        """
    }
}
