// The map page's script (`regio map`), plain JavaScript without libraries: reads the JSON blob, builds the
// SVG layers, the legend, the region list and the portraits; pans (drag) and zooms (wheel, buttons, keys)
// through the shared map view of page.js; colours the territories by region, technical share or status;
// selects regions (click, Ctrl/Cmd-click to add or remove, Shift-click for a range). It loads nothing from
// the network. Inlined after page-pure.js and page.js, whose functions it uses.
(function () {
  'use strict';
  /**
   * The page's element with this id (map.html has every one the script asks for).
   * @param {string} id
   * @returns {HTMLElement}
   */
  function $(id) { return /** @type {HTMLElement} */ (document.getElementById(id)); }
  /** @type {MapDataJSON} */
  var data = JSON.parse($('regio-map-data').textContent || '{}');
  var words = wordsOf(languageOf(data.language));
  var t = words.t;
  translatePage(words);
  var body = document.body;
  var svg = /** @type {SVGSVGElement} */ (/** @type {unknown} */ ($('map')));
  var tooltip = $('tooltip');
  var list = $('region-list');
  var legend = $('legend');
  var portraits = $('portraits');
  var frame = data.frame;
  var regions = data.regions;
  /**
   * @typedef {object} RegionEntry a region and what the page made of it
   * @property {MapRegionJSON} region
   * @property {SVGPathElement | null} shape its territory
   * @property {SVGTextElement | null} label
   * @property {HTMLLIElement} item its line in the list
   * @property {HTMLElement} swatch
   * @property {HTMLElement} card its portrait
   * @property {SVGCircleElement[]} dots its schools
   * @property {string} text what the filter searches, lower case
   */
  /** @type {Object<string, RegionEntry>} */
  var byId = {};
  /** @type {string[]} */
  var selection = [];
  /** @type {string | null} */
  var anchor = null;
  /** @typedef {'region' | 'share' | 'status'} ColourMode */
  /** @type {ColourMode} */
  var mode = ['region', 'share', 'status'].indexOf(data.colorBy) >= 0 ? data.colorBy : 'region';

  /** @type {Object<string, string>} */
  var STATUS = { error: '#d94841', warning: '#f0a202', ok: '#4caf50' };
  /**
   * What a drawn element stands for: its tooltip shows it, and a click on it selects its regions.
   * @typedef {{ kind: 'region', id: string } | { kind: 'school', item: MapSchoolJSON } | { kind: 'overlap', item: MapOverlapJSON }
   *   | { kind: 'pair', item: MapPairJSON } | { kind: 'ring', item: MapRingJSON }} Mark
   */
  /** @type {WeakMap<EventTarget, Mark>} */
  var tipOf = new WeakMap();

  /** @param {MapRegionJSON} r @returns {string} */
  function fillOf(r) {
    if (mode === 'share') return shareColor(r.share, data.shareScaleMax);
    if (mode === 'status') return STATUS[r.status];
    return r.color;
  }

  // ---- layers ----------------------------------------------------------------------------------
  var defs = node('defs', {}, svg);
  var hatch = node('pattern', { id: 'hatch', patternUnits: 'userSpaceOnUse', width: 60, height: 60,
                                patternTransform: 'rotate(45)' }, defs);
  node('rect', { width: '100%', height: '100%', fill: 'rgba(240,162,2,0.10)' }, hatch);
  var hatchLine = node('rect', { x: 0, y: 0, width: 20, height: 60, fill: 'rgba(217,130,0,0.55)' }, hatch);

  /** @param {string} id */
  function layer(id) { return node('g', { id: id }, svg); }
  var gLand = layer('layer-land'), gBorders = layer('layer-borders'), gTerritories = layer('layer-territories');
  var gFindings = layer('layer-findings'), gSchools = layer('layer-schools'), gLabels = layer('layer-labels');
  var gOverlaps = node('g', { 'class': 'overlaps' }, gFindings), gPairs = node('g', { 'class': 'pairs' }, gFindings);
  var gRings = node('g', { 'class': 'rings' }, gFindings);
  if (data.land) node('path', { d: data.land, 'class': 'land' }, gLand);
  if (data.borders) node('path', { d: data.borders, 'class': 'borders' }, gBorders);

  regions.forEach(function (r) {
    /** @type {SVGPathElement | null} */
    var shape = null;
    if (r.path) {
      shape = node('path', { d: r.path, 'class': 'territory', 'data-region': r.id }, gTerritories);
      tipOf.set(shape, { kind: 'region', id: r.id });
    }
    /** @type {SVGTextElement | null} */
    var label = null;
    if (r.label) {
      label = node('text', { x: r.label[0], y: r.label[1], 'class': 'label', 'data-region': r.id }, gLabels);
      label.textContent = r.id;
    }
    // The list item, its swatch and the portrait card are filled below, with the list.
    byId[r.id] = { region: r, shape: shape, label: label, item: tag('li', 'region-item', null), swatch: tag('span', 'swatch', null),
                   card: tag('section', 'portrait-card', null), dots: [], text: (r.id + ' ' + r.name).toLowerCase() };
  });

  data.overlaps.forEach(function (o) {
    var p = node('path', { d: o.path, 'class': 'overlap' }, gOverlaps);
    tipOf.set(p, { kind: 'overlap', item: o });
  });
  data.pairs.forEach(function (p) {
    var l = node('line', { x1: p.line[0], y1: p.line[1], x2: p.line[2], y2: p.line[3], 'class': 'pair sev-' + p.severity }, gPairs);
    tipOf.set(l, { kind: 'pair', item: p });
  });
  data.schools.forEach(function (s) {
    var member = s.regions.length > 0;
    var cls = 'school' + (member ? '' : ' no-region') + (s.technical ? ' technical' : '')
      + (s.kind === 'vmbo' || s.kind === 'vso' || s.kind === 'pro' ? '' : ' other-kind');
    var c = node('circle', { cx: s.x, cy: s.y, r: 40, 'class': cls, 'data-school': s.code }, gSchools);
    if (member) c.setAttribute('fill', byId[s.regions[0]] ? darker(byId[s.regions[0]].region.color) : '#9aa3ad');
    tipOf.set(c, { kind: 'school', item: s });
    s.regions.forEach(function (id) {
      var e = byId[id];
      if (!e) return;
      e.dots.push(c);
      e.text += ' ' + (s.code + ' ' + s.name + ' ' + s.town).toLowerCase();
    });
  });
  data.rings.forEach(function (g) {
    var c = node('circle', { cx: g.x, cy: g.y, r: 80, 'class': 'ring sev-' + g.severity }, gRings);
    tipOf.set(c, { kind: 'ring', item: g });
  });

  // ---- view: pan and zoom through the viewBox -------------------------------------------------
  var legendBox = $('legend-box');
  var mapView = createMapView({
    svg: svg, tooltip: tooltip, frame: frame,
    // The legend covers the lower left corner: a fitted box goes right of it or above it.
    cover: function () {
      return legendBox.offsetWidth ? { w: legendBox.offsetWidth + 24, h: legendBox.offsetHeight ? legendBox.offsetHeight + 24 : 0 } : null;
    },
    viewChanged: rescaleMarks, hover: showAuditTip, click: selectOnMap,
  });
  // After every change of the view: the hatching keeps its size on screen, the zoom buttons show how far
  // they can go, and at a new scale the labels are placed anew.
  /** @param {number} u @param {boolean} rescaled */
  function rescaleMarks(u, rescaled) {
    hatch.setAttribute('width', String(8 * u)); hatch.setAttribute('height', String(8 * u));
    hatchLine.setAttribute('width', String(2 * u)); hatchLine.setAttribute('height', String(8 * u));
    /** @type {HTMLButtonElement} */ ($('zoom-in')).disabled = !mapView.canZoomIn();
    /** @type {HTMLButtonElement} */ ($('zoom-out')).disabled = !mapView.canZoomOut();
    if (rescaled) declutter(u);
  }
  function fitSelection() {
    /** @type {{ x0: number, y0: number, x1: number, y1: number } | null} */
    var box = null;
    selection.forEach(function (id) {
      var e = byId[id];
      /** @type {SVGGraphicsElement[]} */
      var parts = e.shape ? [e.shape] : e.dots;
      parts.forEach(function (p) {
        var b = p.getBBox();
        if (!box) { box = { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height }; return; }
        box.x0 = Math.min(box.x0, b.x); box.y0 = Math.min(box.y0, b.y);
        box.x1 = Math.max(box.x1, b.x + b.width); box.y1 = Math.max(box.y1, b.y + b.height);
      });
    });
    var b = /** @type {{ x0: number, y0: number, x1: number, y1: number } | null} */ (box);
    if (!b) return;
    mapView.show({ x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 }, 60);
  }

  // Labels: where two would overlap, the selected and then the larger territory keeps its place; the other
  // moves a line up or down, or is hidden until the map is zoomed in (labelOffsets in page-pure.js).
  var placeLabels = labelPlacer();
  /** @param {number} u map units per pixel */
  function declutter(u) {
    /** @type {RegionLabel[]} */
    var labels = [];
    regions.forEach(function (r) {
      var text = byId[r.id].label;
      if (text && r.label) labels.push({ text: text, id: r.id, x: r.label[0], y: r.label[1], area: r.area, selected: selection.indexOf(r.id) >= 0 });
    });
    placeLabels(labels, u);
  }

  $('zoom-selection').addEventListener('click', fitSelection);
  window.addEventListener('resize', mapView.resized);
  window.addEventListener('beforeprint', mapView.resized);
  window.addEventListener('afterprint', mapView.resized);
  if (window.matchMedia) {
    var printing = window.matchMedia('print');
    if (printing.addEventListener) printing.addEventListener('change', mapView.resized);
  }
  document.addEventListener('keydown', function (e) {
    var field = /** @type {HTMLInputElement} */ (e.target);
    if (field && (field.tagName === 'INPUT' || field.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape') { field.value = ''; applyFilter(); }
      return;
    }
    if (e.key === '+' || e.key === '=') mapView.zoomCentre(1.6);
    else if (e.key === '-' || e.key === '_') mapView.zoomCentre(1 / 1.6);
    else if (e.key === 'Escape') setSelection([]);
  });

  // ---- tooltip ----------------------------------------------------------------------------------
  function hideTip() { tooltip.hidden = true; }
  /**
   * The tooltip of the region, school or finding under the pointer.
   * @param {PointerEvent} e
   */
  function showAuditTip(e) {
    var info = e.target && tipOf.get(e.target);
    if (!info) { hideTip(); return; }
    tooltip.textContent = '';
    if (info.kind === 'region') {
      var r = byId[info.id].region;
      tag('strong', null, r.id + ' ' + r.name, tooltip);
      tag('div', null, t('regionTipFigures', { schools: words.count(r.schools, 'school'), technical: words.int(r.technicalSchools),
                                             share: words.pct(r.share) }) + (r.techniekarm ? t('techniekarmNote') : ''), tooltip);
      tag('div', 'muted', r.status === 'ok' ? t('noErrorsOrWarnings')
          : words.count(r.errors, 'error') + ', ' + words.count(r.warnings, 'warning'), tooltip);
    } else if (info.kind === 'school') {
      var s = info.item;
      tag('strong', null, s.code + ' ' + s.name, tooltip);
      tag('div', null, [s.town, s.kind, s.technical ? t('technicalProfile') : t('noTechnicalProfile')].filter(Boolean).join(' · '), tooltip);
      tag('div', 'muted', s.regions.length ? t('schoolTipRegions', { regions: s.regions.join(', ') }) : t('inNoRegion'), tooltip);
      if (s.approximate) tag('div', 'muted', t('approximateLocation'), tooltip);
    } else if (info.kind === 'overlap') {
      tag('strong', null, t('overlapTip', { regions: info.item.regions.join(' / '), area: words.decimal(info.item.areaSquareKilometers, 2) }), tooltip);
      tag('div', null, info.item.message, tooltip);
    } else if (info.kind === 'pair') {
      tag('strong', null, t('pairTip', { schools: info.item.schools.join(' / ') }), tooltip);
      tag('div', null, info.item.message, tooltip);
    } else {
      tag('strong', null, t('ringTip', { school: info.item.school, rules: info.item.rules.join(', ') }), tooltip);
      info.item.messages.forEach(function (/** @type {string} */ m) { tag('div', null, m, tooltip); });
    }
    mapView.placeTip(e, svg);
  }

  // ---- region list, filter, portraits -----------------------------------------------------------
  regions.forEach(function (r) {
    var e = byId[r.id];
    var li = e.item;
    list.appendChild(li);
    li.setAttribute('role', 'option');
    li.setAttribute('tabindex', '0');
    li.setAttribute('aria-selected', 'false');
    li.dataset.region = r.id;
    li.appendChild(e.swatch);
    var head = tag('span', null, null, li);
    tag('span', 'rid', r.id, head);
    var badge = tag('span', 'badge ' + r.status, r.status === 'ok' ? t('statusOk')
      : r.status === 'error' ? words.count(r.errors, 'error') : words.count(r.warnings, 'warning'), li);
    badge.title = words.count(r.errors, 'error') + ', ' + words.count(r.warnings, 'warning') + ', ' + words.count(r.infos, 'note');
    tag('span', 'name', r.name, li).title = r.name;
    tag('span', 'share', words.pct(r.share) + (r.techniekarm ? t('armShort') : ''), li).title = t('technicalShare') + (r.techniekarm ? t('techniekarmNote') : '');
    li.addEventListener('click', function (ev) { choose(r.id, ev); });
    li.addEventListener('dblclick', function () { setSelection([r.id]); fitSelection(); });
    li.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(r.id, ev); }
      else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        var items = visibleItems(), i = items.indexOf(li) + (ev.key === 'ArrowDown' ? 1 : -1);
        if (items[i]) items[i].focus();
      }
    });

    var card = e.card;
    portraits.appendChild(card);
    card.dataset.region = r.id;
    card.style.setProperty('--swatch', r.color);
    card.innerHTML = r.portrait;  // HTML made and escaped by the portrait renderer
  });
  var emptyList = tag('li', 'empty-list', t('noRegionMatches'), list);
  emptyList.hidden = true;

  function visibleItems() { return regions.map(function (r) { return byId[r.id].item; }).filter(function (li) { return !li.hidden; }); }

  var filter = /** @type {HTMLInputElement} */ ($('filter'));
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    var shown = 0;
    regions.forEach(function (r) {
      var e = byId[r.id];
      var match = !q || e.text.indexOf(q) >= 0;
      e.item.hidden = !match;
      if (match) shown++;
      if (e.shape) e.shape.classList.toggle('filtered-out', !match);
    });
    emptyList.hidden = shown > 0;
  }
  filter.addEventListener('input', applyFilter);

  /**
   * Selects region `id` as a click in the list does: alone, added or removed (Ctrl, Cmd), or a range (Shift).
   * @param {string} id
   * @param {{ ctrlKey?: boolean, metaKey?: boolean, shiftKey?: boolean }} [ev]
   */
  function choose(id, ev) {
    var add = ev && (ev.ctrlKey || ev.metaKey);
    if (ev && ev.shiftKey && anchor && byId[anchor]) {
      var ids = visibleItems().map(function (li) { return li.dataset.region || ''; });
      var a = ids.indexOf(anchor), b = ids.indexOf(id);
      if (a >= 0 && b >= 0) {
        var range = ids.slice(Math.min(a, b), Math.max(a, b) + 1);
        var next = selection.slice();
        range.forEach(function (x) { if (next.indexOf(x) < 0) next.push(x); });
        setSelection(next);
        return;
      }
    }
    anchor = id;
    if (add) {
      var i = selection.indexOf(id);
      setSelection(i >= 0 ? selection.filter(function (x) { return x !== id; }) : selection.concat([id]));
    } else {
      setSelection(selection.length === 1 && selection[0] === id ? [] : [id]);
    }
  }

  /**
   * A click on the map selects the regions of what was clicked (a territory, a school, a finding).
   * @param {EventTarget | null} target
   * @param {PointerEvent} ev
   */
  function selectOnMap(target, ev) {
    var info = target && tipOf.get(target);
    /** @type {string[]} */
    var ids = [];
    if (info && info.kind === 'region') ids = [info.id];
    else if (info) ids = info.item.regions;
    ids = ids.filter(function (id) { return byId[id]; });
    if (!ids.length) { if (!(ev.ctrlKey || ev.metaKey || ev.shiftKey)) setSelection([]); return; }
    if (ids.length === 1) { choose(ids[0], { ctrlKey: ev.ctrlKey || ev.shiftKey, metaKey: ev.metaKey }); }
    else {
      var next = (ev.ctrlKey || ev.metaKey || ev.shiftKey) ? selection.slice() : [];
      ids.forEach(function (id) { if (next.indexOf(id) < 0) next.push(id); });
      setSelection(next);
    }
    var first = byId[ids[0]].item;
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'nearest' });
  }

  /** @param {string[]} ids */
  function setSelection(ids) {
    selection = ids;
    body.classList.toggle('has-selection', ids.length > 0);
    document.querySelectorAll('.school.selected').forEach(function (c) { c.classList.remove('selected'); });
    regions.forEach(function (r) {
      var e = byId[r.id], on = ids.indexOf(r.id) >= 0;
      if (e.shape) e.shape.classList.toggle('selected', on);
      if (e.label) e.label.classList.toggle('selected', on);
      e.item.setAttribute('aria-selected', on ? 'true' : 'false');
      e.card.classList.toggle('selected', on);
    });
    ids.forEach(function (id) {
      var e = byId[id];
      e.dots.forEach(function (c) { c.classList.add('selected'); });
      if (e.shape) gTerritories.appendChild(e.shape);  // draw the selection on top
    });
    // Portraits in the order of selection.
    ids.forEach(function (id) { portraits.appendChild(byId[id].card); });
    var link = $('to-portraits');
    link.hidden = ids.length === 0;
    link.textContent = ids.length === 1 ? t('portraitOfBelow', { id: ids[0] }) : t('portraitsBelow', { n: words.int(ids.length) });
    /** @type {HTMLButtonElement} */ ($('zoom-selection')).disabled = ids.length === 0;
    if (mapView.scale()) declutter(mapView.scale());
  }

  // ---- colour modes and legend --------------------------------------------------------------------
  /**
   * A small picture of a mark for the legend.
   * @param {Element} parent
   * @param {string | null} fill
   * @param {string | null} stroke
   * @param {'dot' | 'ring' | 'line' | 'hatch' | 'area'} shape
   */
  function swatch(parent, fill, stroke, shape) {
    var s = node('svg', { width: 18, height: 14, viewBox: '0 0 18 14', 'aria-hidden': 'true' }, parent);
    if (shape === 'dot') node('circle', { cx: 9, cy: 7, r: 4.5, fill: fill, stroke: stroke || '#fff', 'stroke-width': 1.2 }, s);
    else if (shape === 'ring') node('circle', { cx: 9, cy: 7, r: 5.5, fill: 'none', stroke: stroke, 'stroke-width': 2 }, s);
    else if (shape === 'line') node('line', { x1: 1, y1: 7, x2: 17, y2: 7, stroke: stroke, 'stroke-width': 2, 'stroke-dasharray': '4 3' }, s);
    else if (shape === 'hatch') {
      node('rect', { x: 1, y: 1, width: 16, height: 12, fill: 'rgba(240,162,2,0.15)', stroke: stroke, 'stroke-dasharray': '3 2' }, s);
      [3, 8, 13].forEach(function (x) { node('line', { x1: x, y1: 13, x2: x + 5, y2: 1, stroke: 'rgba(217,130,0,0.8)', 'stroke-width': 1.6 }, s); });
    } else node('rect', { x: 1, y: 1, width: 16, height: 12, rx: 2, fill: fill, 'fill-opacity': 0.8, stroke: stroke || 'none' }, s);
    return s;
  }
  /**
   * @param {Element} ul
   * @param {string | null} fill
   * @param {string | null} stroke
   * @param {'dot' | 'ring' | 'line' | 'hatch' | 'area'} shape
   * @param {string} text
   */
  function legendItem(ul, fill, stroke, shape, text) {
    var li = tag('li', null, null, ul); swatch(li, fill, stroke, shape); tag('span', null, text, li);
  }
  function renderLegend() {
    legend.textContent = '';
    var top = tag('div', 'section', null, legend);
    if (mode === 'region') {
      tag('h4', null, t('legendRegions'), top);
      var ul = tag('ul', null, null, top);
      legendItem(ul, '#4e79a7', null, 'area', t('legendTerritory'));
      legendItem(ul, darker('#f28e2b'), null, 'dot', t('legendSchoolInRegion'));
    } else if (mode === 'share') {
      tag('h4', null, t('legendShare'), top);
      var stops = SHARE_RAMP.map(function (c, i) { return c + ' ' + (i / (SHARE_RAMP.length - 1) * 100).toFixed(1) + '%'; });
      tag('div', 'ramp', null, top).style.background = 'linear-gradient(to right, ' + stops.join(', ') + ')';
      var th = tag('div', 'threshold', null, top);
      tag('i', null, null, th).style.left = (data.techniekarmShareBelow / data.shareScaleMax * 100) + '%';
      var ticks = tag('div', 'ticks', null, top);
      for (var v = 0; v <= data.shareScaleMax + 1e-9; v += 0.1) {
        tag('span', null, Math.round(v * 100) + ' %', ticks).style.left = (v / data.shareScaleMax * 100) + '%';
      }
      var ul2 = tag('ul', null, null, top);
      tag('li', 'muted', t('legendTechniekarm', { share: words.pct(data.techniekarmShareBelow) }), ul2);
      legendItem(ul2, NO_SHARE_COLOR, null, 'area', t('legendNoCounted'));
    } else {
      tag('h4', null, t('legendStatus'), top);
      var ul3 = tag('ul', null, null, top);
      /** @type {['error' | 'warning' | 'ok', TextKey][]} */
      var statuses = [['error', 'legendStatusErrors'], ['warning', 'legendStatusWarnings'], ['ok', 'statusOk']];
      statuses.forEach(function (s) {
        var n = regions.filter(function (r) { return r.status === s[0]; }).length;
        legendItem(ul3, STATUS[s[0]], null, 'area', t('legendStatusItem', { status: t(s[1]), regions: words.count(n, 'region') }));
      });
    }
    var marks = tag('div', 'section', null, legend);
    tag('h4', null, t('legendMarks'), marks);
    var ul4 = tag('ul', null, null, marks);
    legendItem(ul4, '#9aa3ad', null, 'dot', t('legendNoRegion'));
    legendItem(ul4, null, '#c62828', 'ring', t('legendSeveral'));
    legendItem(ul4, null, '#d98200', 'ring', t('legendEnclave'));
    legendItem(ul4, null, '#d98200', 'line', t('legendPair'));
    legendItem(ul4, null, '#d98200', 'hatch', t('legendOverlap'));
  }
  /** @param {ColourMode} m */
  function setMode(m) {
    mode = m;
    body.classList.remove('mode-region', 'mode-share', 'mode-status');
    body.classList.add('mode-' + m);
    regions.forEach(function (r) {
      var e = byId[r.id], fill = fillOf(r);
      if (e.shape) e.shape.setAttribute('fill', fill);
      e.swatch.style.background = fill;
    });
    /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[data-mode]')).forEach(function (b) { b.setAttribute('aria-pressed', b.dataset.mode === m ? 'true' : 'false'); });
    renderLegend();
  }
  /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('[data-mode]')).forEach(function (b) {
    b.addEventListener('click', function () { setMode(/** @type {ColourMode} */ (b.dataset.mode)); });
  });
  /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-layer]')).forEach(function (box) {
    box.addEventListener('change', function () { body.classList.toggle('hide-' + box.dataset.layer, !box.checked); });
  });

  // ---- summary ------------------------------------------------------------------------------------
  var summary = $('summary');
  summary.textContent = '';
  tag('span', null, words.count(regions.length, 'region') + ' · ' + words.count(data.schools.length, 'school') + ' · ', summary);
  tag('span', 'n-error', words.count(data.errors, 'error'), summary);
  tag('span', null, ' · ', summary);
  tag('span', 'n-warning', words.count(data.warnings, 'warning'), summary);
  tag('span', null, ' · ' + words.count(data.infos, 'note'), summary);
  tag('span', 'totals', ' · ' + data.totals, summary);
  $('methods').textContent = t('methods', { list: data.methods.map(function (m) { return m.replace(/[.\s]+$/, ''); }).join('; ') });

  setMode(mode);
  setSelection([]);
  mapView.goHome();
  body.classList.add('ready');
})();
