/// CSS shared by the pages regio writes (`regio map`) and serves (`regio serve`), included before each
/// page's own stylesheet (which may add to these rules but does not repeat them): the colours, the font,
/// the header's title and summary, the map's cursor, land, dots of schools in no region, rings, the
/// zoom buttons, the tooltip, the region list's swatches and ids, and the status badges.
public enum PageStylesheet {
    public static let css = #"""
:root { --ink: #1f2933; --muted: #616e7c; --line: #d3d9e0; --panel: #f7f8fa; --accent: #1d4ed8;
        --error: #c62828; --warning: #d98200; --ok: #2e7d32; --info: #5b6b7a; --sea: #e3edf3; --land: #fbfaf6; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
.top h1 { font-size: 17px; margin: 0; font-weight: 650; }
.summary { margin: 0; color: var(--muted); }
.summary .n-error { color: var(--error); font-weight: 600; }
.summary .n-warning { color: var(--warning); font-weight: 600; }

#map { display: block; width: 100%; height: 100%; cursor: grab; touch-action: none; user-select: none; --u: 20; }
#map.dragging { cursor: grabbing; }
.land { fill: var(--land); stroke: #9fb3c2; stroke-width: 1; vector-effect: non-scaling-stroke; }
.school.no-region { fill: #9aa3ad; }
.ring.sev-error { stroke: var(--error); }
.ring.sev-warning { stroke: var(--warning); }
.ring.sev-info { stroke: var(--info); }
.label.hidden { display: none; }
.zoom { position: absolute; top: 12px; right: 12px; display: flex; flex-direction: column;
        box-shadow: 0 1px 4px rgba(0,0,0,.18); border-radius: 6px; overflow: hidden; }
.zoom button:last-child { border-bottom: 0; }
.tooltip .muted { color: var(--muted); }

.region-item:hover { background: #eef1f5; }
.region-item .swatch { width: 12px; height: 12px; border-radius: 3px; grid-row: span 2; }
.region-item .rid { font-weight: 650; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: 11px; line-height: 1.5; padding: 0 7px; border-radius: 9px;
         color: #fff; font-weight: 600; white-space: nowrap; }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.ok { background: var(--ok); }
"""#
}
