/// The `regio serve` page's own CSS, after ``PageStylesheet``: map on the left with the findings below it,
/// the region list with figures and the selected region's actions on the right. Dots and rings keep their
/// size on screen while zooming through `--u`, the map units per screen pixel that the script sets.
enum ServeStylesheet {
    static let css = #"""
:root { --up: #2e7d32; --down: #c62828; }
/* The application fills the window: header, then map (findings below it) beside the region list. */
body { display: flex; flex-direction: column; height: 100vh; overflow: hidden; }
button, input, select { font: inherit; }
button { border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 3px 10px; cursor: pointer; color: var(--ink); }
button:hover:not(:disabled) { background: var(--panel); }
button:disabled { color: #a9b2bb; cursor: default; }
button.primary { background: var(--ink); color: #fff; border-color: var(--ink); }
button.primary:disabled { background: #8c96a0; border-color: #8c96a0; color: #fff; }
body.busy { cursor: progress; }

.top { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 8px 16px; border-bottom: 1px solid var(--line); }
.summary b { color: var(--ink); font-weight: 600; }
.tools { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin-left: auto; }
.tools details { position: relative; }
.tools summary { cursor: pointer; color: var(--muted); white-space: nowrap; }
.tools details[open] > ol, .tools details[open] > ul { position: absolute; right: 0; top: 24px; z-index: 20; background: #fff;
  border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.14); margin: 0; padding: 8px 12px 8px 30px;
  min-width: 320px; max-height: 60vh; overflow: auto; }
.tools details.scenarios[open] > ul { list-style: none; padding: 6px; min-width: 380px; }
#edit-list li.redo { color: #a9b2bb; }
.save { display: flex; gap: 4px; }
.save input { width: 180px; padding: 3px 8px; border: 1px solid var(--line); border-radius: 6px; }
.scenario-item { display: grid; grid-template-columns: 1fr auto auto; gap: 2px 8px; align-items: center; padding: 5px 6px; border-radius: 6px; }
.scenario-item + .scenario-item { border-top: 1px solid var(--line); }
.scenario-item .when { grid-column: 1; color: var(--muted); font-size: 12px; }
.scenario-item .name { font-weight: 600; }
.scenario-item a { font-size: 12px; }
.scenario-empty { color: var(--muted); padding: 6px; }
.message { flex: none; margin: 0; padding: 7px 16px; background: #fdecea; color: #8a1c1c; border-bottom: 1px solid #f3c1bd; }
.message.note { background: #eaf4ea; color: #1e5b20; border-color: #c4e0c5; }

.layout { flex: 1 1 auto; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) 400px; }
.map-pane { min-width: 0; min-height: 0; display: flex; flex-direction: column; }
.map-wrap { position: relative; flex: 1 1 auto; min-height: 280px; background: var(--sea); overflow: hidden; }
.below { flex: 0 0 auto; max-height: 34vh; overflow-y: auto; border-top: 1px solid var(--line); }
.borders { fill: none; stroke: #8a97a4; stroke-opacity: .5; stroke-width: .6; vector-effect: non-scaling-stroke; }
.territory { fill-opacity: .45; stroke: #fff; stroke-width: 1.2; vector-effect: non-scaling-stroke; stroke-linejoin: round;
             fill-rule: evenodd; cursor: pointer; }
.territory:hover { fill-opacity: .65; }
.territory.selected { stroke: #111; stroke-width: 2.5; fill-opacity: .7; }
body.has-selection .territory:not(.selected) { fill-opacity: .18; }
.overlap { fill: rgba(240,162,2,.25); stroke: var(--warning); stroke-width: 1.4; stroke-dasharray: 5 3; vector-effect: non-scaling-stroke; pointer-events: none; }
.pair { stroke: var(--warning); stroke-width: 2; stroke-dasharray: 4 3; vector-effect: non-scaling-stroke; pointer-events: none; }
.school { r: calc(var(--u) * 4.5px); stroke: #fff; stroke-width: 1.2; vector-effect: non-scaling-stroke; cursor: pointer; }
.school.other-kind { r: calc(var(--u) * 3px); }
.school.technical:not(.no-region) { stroke: #1f2933; }
.school:hover { stroke: #111; stroke-width: 2; }
.school.chosen { r: calc(var(--u) * 7px); stroke: #111; stroke-width: 2.5; }
.school.moved { stroke: var(--accent); stroke-width: 2.5; }
.ring { fill: none; r: calc(var(--u) * 9px); stroke-width: 2; vector-effect: non-scaling-stroke; pointer-events: none; }
.label { font-size: calc(var(--u) * 11.5px); font-weight: 650; fill: #1f2933; text-anchor: middle; dominant-baseline: central;
         paint-order: stroke; stroke: rgba(255,255,255,.9); stroke-width: calc(var(--u) * 3px); pointer-events: none; }
.zoom button { width: 34px; height: 32px; border: 0; border-radius: 0; border-bottom: 1px solid var(--line); font-size: 18px; line-height: 1; padding: 0; }
.tooltip { position: absolute; pointer-events: none; background: #fff; border: 1px solid var(--line); border-radius: 6px;
           box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 5px 9px; font-size: 12px; max-width: 320px; z-index: 5; }
.school-panel { position: absolute; z-index: 10; width: 300px; background: #fff; border: 1px solid var(--line); border-radius: 8px;
                box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 10px 12px; font-size: 13px; }
.school-panel h3 { margin: 0 24px 2px 0; font-size: 14px; }
.school-panel .close { position: absolute; top: 6px; right: 6px; border: 0; font-size: 16px; padding: 0 6px; }
.school-panel .row { display: flex; gap: 6px; margin-top: 8px; align-items: center; }
.school-panel select { flex: 1 1 auto; min-width: 0; width: 0; }
.school-panel .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.hint { color: var(--muted); font-size: 12px; margin: 4px 16px 0; }
.methods { color: var(--muted); font-size: 12px; margin: 6px 16px 16px; }

.findings { padding: 4px 16px; }
.findings h2 { font-size: 15px; margin: 8px 0 4px; display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.findings .tabs { display: inline-flex; gap: 4px; font-size: 12px; font-weight: normal; }
.findings .tabs button { padding: 1px 8px; font-size: 12px; }
.findings .tabs button[aria-pressed="true"] { background: var(--ink); color: #fff; border-color: var(--ink); }
.finding-list { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--line); }
.finding-list li { padding: 4px 2px; border-bottom: 1px solid #eef1f4; font-size: 13px; }
.finding-list li.introduced { background: #fff7e6; }
.finding-list li.resolved { color: var(--muted); text-decoration: line-through; text-decoration-color: #b0b8c0; }
.sev { display: inline-block; min-width: 58px; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.sev.error { color: var(--error); }
.sev.warning { color: var(--warning); }
.sev.info { color: var(--info); }
.finding-list code { font-size: 12px; color: var(--muted); }
.tag { display: inline-block; font-size: 11px; line-height: 1.5; padding: 0 6px; border-radius: 9px; font-weight: 600; white-space: nowrap; }
.tag.new { background: #fde7b0; color: #6b4a00; }
.tag.arm { background: #e8e0f5; color: #4a2a7a; }
.tag.lead { border: 1px solid #999; }
.more { color: var(--muted); font-size: 12px; }

.side { border-left: 1px solid var(--line); background: var(--panel); display: flex; flex-direction: column; min-height: 0; }
#filter { margin: 8px 10px 6px; padding: 5px 9px; border: 1px solid var(--line); border-radius: 6px; }
.region-list { list-style: none; margin: 0; padding: 0 6px 6px; overflow-y: auto; flex: 1 1 50%; min-height: 120px; }
.region-item { display: grid; grid-template-columns: 12px minmax(0, 1fr) auto; gap: 1px 8px; align-items: center; padding: 5px 8px;
               border-radius: 6px; cursor: pointer; border: 1px solid transparent; }
.region-item.selected { background: #fff; border-color: #111; }
.region-item.removed { cursor: default; opacity: .6; }
.region-item .rname { color: var(--muted); font-size: 12px; margin-left: 6px; }
.region-item .figs { grid-column: 2 / span 2; font-size: 12px; color: var(--ink); font-variant-numeric: tabular-nums;
                     display: flex; flex-wrap: wrap; gap: 0 10px; }
.region-item .figs > span { white-space: nowrap; }
.region-item .figs .fig-arm { white-space: nowrap; }
.delta { font-size: 11px; margin-left: 2px; }
.delta.up { color: var(--up); }
.delta.down { color: var(--down); }
.region-detail { flex: 1 1 50%; overflow-y: auto; overflow-x: hidden; border-top: 1px solid var(--line); background: #fff; padding: 8px 12px 16px; }
.region-detail h2 { font-size: 15px; margin: 4px 0 8px; }
/* A fieldset is as wide as its widest content unless told otherwise (min-inline-size: min-content). */
.region-detail fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 10px; padding: 6px 10px 10px; min-width: 0; }
.region-detail legend { font-weight: 600; padding: 0 4px; }
.region-detail .row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 4px; }
.region-detail select, .region-detail input[type=text] { min-width: 0; width: 0; flex: 1 1 auto; padding: 2px 6px; }
.split-schools { list-style: none; margin: 4px 0; padding: 0; max-height: 180px; overflow: auto; font-size: 12px; }
.split-schools label { display: flex; gap: 6px; align-items: baseline; cursor: pointer; }
.region-detail .regio-portrait { font-size: 12px; margin: 0; }
.region-detail .regio-portrait h2 { display: none; }

@media (max-width: 960px) {
  body { height: auto; overflow: visible; }
  .layout { grid-template-columns: 1fr; }
  .map-wrap { flex: none; height: 70vh; }
  .below { max-height: none; }
  .side { border-left: 0; border-top: 1px solid var(--line); }
  .region-list { max-height: 60vh; }
}
"""#
}
