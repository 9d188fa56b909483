/// The map page's own CSS, after ``PageStylesheet``: a two-column screen layout (map, region list),
/// portraits below; a print layout with the map alone on the first page and the portraits after it. Marks
/// keep their size on screen while zooming through `--u`, the map units per screen pixel that the script sets.
enum MapStylesheet {
    static let css = #"""
body { background: #fff; }
button { font: inherit; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; padding: 10px 16px;
       border-bottom: 1px solid var(--line); }
.controls { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; margin-left: auto; }
.segmented { display: inline-flex; border: 1px solid var(--line); border-radius: 7px; overflow: hidden; }
.segmented button { border: 0; background: #fff; padding: 4px 11px; cursor: pointer; color: var(--ink); }
.segmented button + button { border-left: 1px solid var(--line); }
.segmented button[aria-pressed="true"] { background: var(--ink); color: #fff; }
.control-label { color: var(--muted); margin-right: 6px; }
.layers label { margin-right: 10px; color: var(--muted); cursor: pointer; white-space: nowrap; }

.layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; }
.map-pane { min-width: 0; }
.map-wrap { position: relative; height: calc(100vh - 92px); min-height: 460px; background: var(--sea);
            overflow: hidden; }

.borders { fill: none; stroke: #8a97a4; stroke-opacity: .55; stroke-width: .6; vector-effect: non-scaling-stroke;
           stroke-linejoin: round; }
.territory { fill-opacity: .5; stroke: #fff; stroke-width: 1.2; vector-effect: non-scaling-stroke;
             stroke-linejoin: round; fill-rule: evenodd; cursor: pointer; transition: fill-opacity .15s; }
body.mode-share .territory, body.mode-status .territory { fill-opacity: .72; }
.territory:hover { fill-opacity: .75; }
.territory.selected { stroke: #111; stroke-width: 2.5; fill-opacity: .72; }
body.has-selection .territory:not(.selected) { fill-opacity: .16; }
.territory.filtered-out { fill-opacity: .08 !important; }
.overlap { fill: url(#hatch); stroke: var(--warning); stroke-width: 1.4; stroke-dasharray: 5 3;
           vector-effect: non-scaling-stroke; pointer-events: visibleFill; cursor: help; }
.pair { stroke: var(--warning); stroke-width: 2; stroke-dasharray: 4 3; vector-effect: non-scaling-stroke;
        stroke-linecap: round; cursor: help; }
.pair.sev-error { stroke: var(--error); }
.school { r: calc(var(--u) * 3.6px); stroke: #fff; stroke-width: 1; vector-effect: non-scaling-stroke; cursor: pointer; }
.school.other-kind { r: calc(var(--u) * 2.4px); }
.school.technical:not(.no-region) { stroke: #1f2933; stroke-width: 1.1; }
.school.selected { r: calc(var(--u) * 5px); stroke: #111; stroke-width: 1.6; }
body.has-selection .school:not(.selected) { opacity: .45; }
.ring { fill: none; r: calc(var(--u) * 8px); stroke-width: 2.2; vector-effect: non-scaling-stroke; cursor: help; }
.label { font-size: calc(var(--u) * 11.5px); font-weight: 650; fill: #1f2933; text-anchor: middle;
         dominant-baseline: central; paint-order: stroke; stroke: rgba(255,255,255,.92);
         stroke-width: calc(var(--u) * 3.2px); stroke-linejoin: round; pointer-events: none; }
.label.selected { font-size: calc(var(--u) * 13.5px); }
body.has-selection .label:not(.selected) { opacity: .55; }
body.hide-borders #layer-borders, body.hide-schools #layer-schools, body.hide-findings #layer-findings,
body.hide-labels #layer-labels { display: none; }

.zoom button { width: 34px; height: 32px; border: 0; border-bottom: 1px solid var(--line); background: #fff;
               font-size: 18px; line-height: 1; cursor: pointer; color: var(--ink); }
.zoom button:hover { background: var(--panel); }
.zoom button:disabled { color: #b8c0c8; cursor: default; }

.legend { position: absolute; left: 12px; bottom: 12px; background: rgba(255,255,255,.94); border-radius: 7px;
          box-shadow: 0 1px 4px rgba(0,0,0,.16); padding: 6px 12px 8px; font-size: 12px; max-width: 290px; }
.legend summary { cursor: pointer; color: var(--muted); font-size: 11px; text-transform: uppercase;
                  letter-spacing: .04em; margin-bottom: 3px; }
.legend:not([open]) { padding-bottom: 6px; }
.legend h4 { margin: 0 0 5px; font-size: 12px; font-weight: 650; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: 7px; margin: 2px 0; }
.legend svg { flex: none; }
.legend .ramp { height: 11px; border-radius: 2px; margin: 3px 14px 2px 10px; }
.legend .ticks, .legend .threshold { margin: 0 14px 0 10px; }
.legend .ticks { position: relative; height: 15px; color: var(--muted); }
.legend .ticks span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.legend .threshold { position: relative; height: 0; }
.legend .threshold i { position: absolute; top: -17px; width: 0; height: 15px; border-left: 2px solid #111; }
.legend .section + .section { margin-top: 8px; padding-top: 7px; border-top: 1px solid var(--line); }

.tooltip { position: absolute; pointer-events: none; background: #fff; border: 1px solid var(--line);
           border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 6px 9px; font-size: 12px;
           max-width: 340px; z-index: 5; }
.tooltip strong { display: block; }
.methods { color: var(--muted); font-size: 12px; margin: 6px 16px 10px; }

.side { border-left: 1px solid var(--line); background: var(--panel); display: flex; flex-direction: column;
        height: calc(100vh - 92px + 40px); min-height: 500px; }
.side-head { padding: 10px 12px 6px; }
#filter { width: 100%; padding: 6px 9px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
.hint { margin: 6px 0 0; font-size: 12px; color: var(--muted); }
.to-portraits { font-size: 12px; }
.region-list { list-style: none; margin: 0; padding: 0 6px 10px; overflow-y: auto; flex: 1; }
.region-item { display: grid; grid-template-columns: 12px minmax(0, 1fr) auto; gap: 2px 8px; align-items: center;
               padding: 6px 8px; border-radius: 6px; cursor: pointer; border: 1px solid transparent; }
.region-item:focus { outline: 2px solid var(--accent); outline-offset: -2px; }
.region-item[aria-selected="true"] { background: #fff; border-color: #111; }
.region-item .name { grid-column: 2; color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis;
                     white-space: nowrap; }
.region-item .share { grid-column: 3; grid-row: 2; font-size: 12px; color: var(--muted); text-align: right;
                      font-variant-numeric: tabular-nums; }
.badge.info { background: var(--info); }
.empty-list { color: var(--muted); padding: 10px; }

.portraits { padding: 8px 16px 30px; border-top: 1px solid var(--line); }
.portraits-empty { color: var(--muted); }
body.has-selection .portraits-empty { display: none; }
.portrait-card { display: none; border: 1px solid var(--line); border-left: 6px solid var(--swatch, #888);
                 border-radius: 8px; padding: 4px 18px 12px; margin: 12px 0; max-width: 72rem; }
.portrait-card.selected { display: block; }
.portrait-card .regio-portrait { max-width: none; margin: 0; }
.portrait-card .regio-portrait h2 { border-bottom: 0; margin: 10px 0 6px; }
.portrait-card .regio-portrait .pupils { align-items: flex-start; }
.muted { color: var(--muted); }

@media (max-width: 900px) {
  .layout { grid-template-columns: 1fr; }
  .side { height: auto; max-height: 60vh; border-left: 0; border-top: 1px solid var(--line); }
}

@media print {
  /* The map on a landscape first page; the portraits on portrait pages, as `regio portrait` prints them. */
  @page { size: A4 portrait; margin: 15mm; }
  @page map { size: A4 landscape; margin: 12mm; }
  .top, .layout { page: map; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 11px; }
  .controls, .zoom, .side, .tooltip, .hint, .portraits-empty { display: none !important; }
  .top { border: 0; padding: 0 0 4px; }
  .layout { display: block; }
  .map-wrap { height: 150mm; min-height: 0; border: 1px solid var(--line); }
  .map-pane { break-after: page; }
  .methods { margin: 4px 0; }
  .portraits { border: 0; padding: 0; }
  /* Selected regions' portraits; with none selected, every region's. */
  body:not(.has-selection) .portrait-card { display: block; }
  .portrait-card { border: 0; padding: 0; margin: 0; }
  /* Long member tables flow on to the next page instead of leaving most of one empty. */
  .portrait-card .regio-portrait table { page-break-inside: auto; break-inside: auto; }
}
"""#
}
