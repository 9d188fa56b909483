// The script of the `regio serve` page, plain JavaScript without libraries. It draws the static layers of
// the embedded background once, then fetches `/api/state` and draws the scenario: territories, schools,
// findings on the map; the side list of regions with their figures and the change from the base; the
// findings below the map. Every change (move a school from its panel, merge or split from the selected
// region, undo, redo, load) is one request to the API, whose answer is the new state, drawn at once. It
// talks to this server only. Inlined after page-pure.js and page.js, whose functions it uses.
(function () {
  'use strict';
  /**
   * The page's element with this id, of the kind serve.html gives it.
   * @param {string} id
   * @returns {any}
   */
  function $(id) { return document.getElementById(id); }
  var bg = JSON.parse($('regio-background').textContent);
  /** @type {SVGSVGElement} */
  var svg = $('map');
  var body = document.body, wrap = $('map-wrap'), tooltip = $('tooltip'), panel = $('school-panel');
  var list = $('region-list'), detail = $('region-detail'), findingsBox = $('findings'), message = $('message');
  var frame = bg.frame;
  var state = null, selected = null, chosenSchool = null, findingsTab = 'all', busy = false, pendingLoad = null;
  var regionById = {}, mapRegionById = {}, schoolByCode = {}, baseRegionsOf = {}, scenarios = [];
  // A region keeps the colour it first had: the server's palette is worked out anew for every state.
  var colourOf = {};
  var portraitCache = {};

  // What each drawn element's tooltip shows (and what a click on it opens); each list item's filter text.
  var tipOf = new WeakMap(), textOf = new WeakMap();

  /** @param {Element} e */
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  /**
   * Shows the change `n` (if any) after `parent`'s text, green or red.
   * @param {Element} parent
   * @param {number} n
   * @param {(magnitude: number) => string} [show]
   * @param {boolean} [goodWhenUp] whether a rise is good; a rise is green when left out
   */
  function delta(parent, n, show, goodWhenUp) {
    if (!n) return;
    var up = n > 0, good = goodWhenUp === undefined ? up : (goodWhenUp ? up : !up);
    tag('span', 'delta ' + (good ? 'up' : 'down'), signed(n, show), parent);
  }
  function isNum(v) { return typeof v === 'number'; }
  function findingKey(f) { return f.rule + '|' + f.regions.join(',') + '|' + f.schools.join(','); }

  // ---- static layers, and groups for the changing ones ------------------------------------------
  svg.setAttribute('viewBox', '0 0 ' + frame.width + ' ' + frame.height);
  var gLand = node('g', { id: 'layer-land' }, svg);
  if (bg.land) node('path', { d: bg.land, 'class': 'land' }, gLand);
  if (bg.borders) node('path', { d: bg.borders, 'class': 'borders' }, gLand);
  var dyn = node('g', { id: 'layer-scenario' }, svg);
  var gTerritories = node('g', { id: 'layer-territories' }, dyn), gOverlaps = node('g', { id: 'layer-overlaps' }, dyn);
  var gPairs = node('g', { id: 'layer-pairs' }, dyn), gSchools = node('g', { id: 'layer-schools' }, dyn);
  var gRings = node('g', { id: 'layer-rings' }, dyn), gLabels = node('g', { id: 'layer-labels' }, dyn);
  $('methods').textContent = 'Methods: ' + bg.methods.map(function (m) { return m.replace(/[.\s]+$/, ''); }).join('; ') + '.';

  // ---- talking to the server --------------------------------------------------------------------
  function api(method, path, payload) {
    var init = { method: method, headers: { 'Accept': 'application/json' } };
    if (payload !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(payload); }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!r.ok) throw new Error(data && data.error ? data.error : r.status + ' ' + r.statusText);
        return data;
      });
    });
  }
  function setBusy(on) {
    busy = on;
    body.classList.toggle('busy', on);
    renderTools();
  }
  function showMessage(text, note) {
    message.textContent = text;
    message.classList.toggle('note', !!note);
    message.hidden = false;
  }
  function hideMessage() { message.hidden = true; }
  // One change of the scenario: the answer is the new state.
  function change(method, path, payload, note) {
    if (busy) return Promise.resolve(false);
    setBusy(true);
    return api(method, path, payload).then(function (s) {
      if (note) showMessage(note, true); else hideMessage();
      setState(s);
      return true;
    }, function (error) {
      showMessage(error.message);
      return false;
    }).then(function (ok) { setBusy(false); return ok; });
  }
  function edit(e, note) { return change('POST', '/api/edits', e, note); }

  // ---- the state --------------------------------------------------------------------------------
  function setState(s) {
    state = s;
    regionById = {};
    s.regions.forEach(function (r) { regionById[r.figures.id] = r; });
    baseRegionsOf = {};
    function addBase(f) { f.schools.forEach(function (c) { (baseRegionsOf[c] = baseRegionsOf[c] || []).push(f.id); }); }
    s.regions.forEach(function (r) { if (r.base) addBase(r.base); });
    s.removedRegions.forEach(addBase);
    if (selected && !regionById[selected]) selected = null;
    render();
  }
  function render() {
    renderMap();
    renderSummary();
    renderTools();
    renderList();
    renderDetail();
    renderFindings();
    body.dataset.revision = String(state.revision);
  }

  function renderMap() {
    var m = state.map;
    dyn.setAttribute('transform', 'translate(' + state.mapOffset[0] + ' ' + state.mapOffset[1] + ')');
    [gTerritories, gOverlaps, gPairs, gSchools, gRings, gLabels].forEach(clear);
    mapRegionById = {};
    m.regions.forEach(function (r) {
      if (!colourOf[r.id]) colourOf[r.id] = r.color;
      r.color = colourOf[r.id];
      mapRegionById[r.id] = r;
      if (r.path) {
        var p = node('path', { d: r.path, 'class': 'territory' + (r.id === selected ? ' selected' : ''), fill: r.color, 'data-region': r.id }, gTerritories);
        tipOf.set(p, { kind: 'region', id: r.id });
      }
      if (r.label) node('text', { x: r.label[0], y: r.label[1], 'class': 'label', 'data-region': r.id }, gLabels).textContent = r.id;
    });
    m.overlaps.forEach(function (o) { node('path', { d: o.path, 'class': 'overlap' }, gOverlaps); });
    m.pairs.forEach(function (p) { node('line', { x1: p.line[0], y1: p.line[1], x2: p.line[2], y2: p.line[3], 'class': 'pair' }, gPairs); });
    schoolByCode = {};
    m.schools.forEach(function (s) {
      schoolByCode[s.code] = s;
      var before = (baseRegionsOf[s.code] || []).slice().sort().join(','), now = s.regions.slice().sort().join(',');
      var cls = 'school' + (s.regions.length ? '' : ' no-region') + (s.technical ? ' technical' : '')
        + (s.kind === 'vmbo' || s.kind === 'vso' || s.kind === 'pro' ? '' : ' other-kind')
        + (before !== now ? ' moved' : '') + (s.code === chosenSchool ? ' chosen' : '');
      var c = node('circle', { cx: s.x, cy: s.y, r: 40, 'class': cls, 'data-school': s.code }, gSchools);
      var r = mapRegionById[s.regions[0]];
      if (r) c.setAttribute('fill', darker(r.color));
      tipOf.set(c, { kind: 'school', code: s.code });
    });
    m.rings.forEach(function (g) { node('circle', { cx: g.x, cy: g.y, r: 80, 'class': 'ring sev-' + g.severity }, gRings); });
    declutter();
  }

  // Labels: where two would overlap, the selected and then the larger territory keeps its place; the other
  // moves a line up or down, or is hidden until the map is zoomed in (labelOffsets in page-pure.js). Not
  // before the map view has a scale.
  var placeLabels = labelPlacer();
  function declutter() {
    var u = mapView.scale();
    if (!state || !u) return;
    placeLabels(Array.prototype.map.call(gLabels.children, function (/** @type {SVGTextElement} */ t) {
      var r = mapRegionById[t.dataset.region];
      return { text: t, id: r.id, x: r.label[0], y: r.label[1], area: r.area, selected: r.id === selected };
    }), u);
  }

  function renderSummary() {
    var t = state.totals, b = state.baseTotals, e = $('summary');
    clear(e);
    tag('b', null, plural(t.regions, 'region'), e);
    tag('span', null, ' · ' + plural(t.schools, 'school') + ' · ', e);
    tag('b', null, int(t.technicalStudents), e);
    tag('span', null, ' of ' + int(t.countedStudents) + ' students technical · ', e);
    tag('b', null, euro(t.budgetEUR), e);
    delta(e, t.budgetEUR - b.budgetEUR, euro);
    tag('span', null, ' · ', e);
    tag('span', 'n-error', plural(t.errors, 'error'), e);
    delta(e, t.errors - b.errors, int, false);
    tag('span', null, ' · ', e);
    tag('span', 'n-warning', plural(t.warnings, 'warning'), e);
    delta(e, t.warnings - b.warnings, int, false);
    if (t.techniekarmRegions) tag('span', null, ' · ' + t.techniekarmRegions + ' techniekarm', e);
  }

  function renderTools() {
    if (!state) return;
    var undo = $('undo'), redo = $('redo');
    undo.disabled = busy || state.edits.length === 0;
    redo.disabled = busy || state.redoEdits.length === 0;
    undo.title = state.edits.length ? 'Undo: ' + state.editTexts[state.editTexts.length - 1] + ' (Ctrl+Z)' : 'Nothing to undo';
    redo.title = state.redoEdits.length ? 'Redo: ' + state.redoTexts[0] + ' (Ctrl+Shift+Z)' : 'Nothing to redo';
    $('save-button').disabled = busy;
    var n = state.edits.length;
    $('edit-count').textContent = (n ? plural(n, 'edit') : 'base, no edits') + (state.scenarioName ? ' · ' + state.scenarioName : n ? ' · unsaved' : '');
    var ol = $('edit-list');
    clear(ol);
    state.editTexts.forEach(function (t) { tag('li', null, t, ol); });
    state.redoTexts.forEach(function (t) { tag('li', 'redo', t + ' (undone)', ol); });
    if (!n && !state.redoTexts.length) tag('li', null, 'No edits: the pre-registration as filed.', ol);
  }

  function renderList() {
    clear(list);
    state.regions.forEach(function (r) {
      var f = r.figures, b = r.base, m = mapRegionById[f.id];
      var li = tag('li', 'region-item' + (f.id === selected ? ' selected' : ''), null, list);
      li.dataset.region = f.id;
      li.dataset.schools = f.schools.length;
      li.dataset.counted = f.countedStudents;
      li.dataset.technical = f.technicalStudents;
      li.dataset.share = isNum(f.technicalShare) ? f.technicalShare : '';
      li.dataset.budget = f.budgetEUR == null ? '' : f.budgetEUR;
      li.dataset.techniekarm = f.techniekarm;
      tag('span', 'swatch', null, li).style.background = m ? m.color : '#ccc';
      var head = tag('span', null, null, li);
      tag('span', 'rid', f.id, head);
      tag('span', 'rname', f.name, head).title = f.name;
      if (!b) tag('span', 'tag new', 'new', head);
      var status = r.errors ? 'error' : r.warnings ? 'warning' : 'ok';
      var badge = tag('span', 'badge ' + status, status === 'ok' ? 'ok' : status === 'error' ? plural(r.errors, 'error') : plural(r.warnings, 'warning'), li);
      badge.title = plural(r.errors, 'error') + ', ' + plural(r.warnings, 'warning') + ', ' + plural(r.infos, 'note');
      var figs = tag('div', 'figs', null, li);
      // Each figure in its own element (read by tests), its change from the base beside it.
      var s1 = tag('span', 'fig', null, figs);
      tag('span', 'fig-schools', plural(f.schools.length, 'school'), s1);
      if (b) delta(s1, f.schools.length - b.schools.length);
      var s2 = tag('span', 'fig', null, figs);
      tag('span', 'fig-technical', int(f.technicalStudents), s2);
      tag('span', null, ' of ', s2);
      tag('span', 'fig-counted', int(f.countedStudents), s2);
      tag('span', null, ' technical', s2);
      if (b) delta(s2, f.technicalStudents - b.technicalStudents);
      var s3 = tag('span', 'fig', null, figs);
      tag('span', 'fig-share', pct(f.technicalShare), s3);
      if (b && isNum(f.technicalShare) && isNum(b.technicalShare)) {
        var d = Math.round((f.technicalShare - b.technicalShare) * 1000) / 10;
        if (d) delta(s3, d, function (v) { return v.toFixed(1); });
      }
      if (f.techniekarm) tag('span', 'tag arm fig-arm', 'techniekarm', figs);
      var s4 = tag('span', 'fig', null, figs);
      tag('span', 'fig-budget', euro(f.budgetEUR, f.budgetRangeEUR), s4);
      if (b && f.budgetEUR != null && b.budgetEUR != null) delta(s4, f.budgetEUR - b.budgetEUR, euro);
      textOf.set(li, (f.id + ' ' + f.name + ' ' + f.schools.map(function (c) { var s = schoolByCode[c]; return c + ' ' + (s ? s.name + ' ' + s.town : ''); }).join(' ')).toLowerCase());
      li.addEventListener('click', function () { select(selected === f.id ? null : f.id); });
    });
    state.removedRegions.forEach(function (f) {
      var li = tag('li', 'region-item removed', null, list);
      li.dataset.removed = f.id;
      tag('span', 'swatch', null, li).style.background = '#ccc';
      var head = tag('span', null, null, li);
      tag('span', 'rid', f.id, head);
      tag('span', 'rname', f.name, head);
      tag('span', 'badge', '', li);
      tag('div', 'figs', 'merged away or removed: had ' + plural(f.schools.length, 'school') + ', ' + euro(f.budgetEUR, f.budgetRangeEUR), li);
      textOf.set(li, (f.id + ' ' + f.name).toLowerCase());
    });
    applyFilter();
  }

  var filter = $('filter');
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(list.children, function (li) { li.hidden = !!q && (textOf.get(li) || '').indexOf(q) < 0; });
  }
  filter.addEventListener('input', applyFilter);

  function select(id) {
    selected = id;
    body.classList.toggle('has-selection', !!id);
    Array.prototype.forEach.call(list.children, function (li) { li.classList.toggle('selected', li.dataset.region === id); });
    Array.prototype.forEach.call(gTerritories.children, function (p) { p.classList.toggle('selected', p.dataset.region === id); });
    declutter();
    renderDetail();
    renderFindings();
    if (id) {
      var li = list.querySelector('[data-region="' + id + '"]');
      if (li && li.scrollIntoView) li.scrollIntoView({ block: 'nearest' });
    }
  }

  function freeRegionId(from) {
    var taken = {};
    state.regions.forEach(function (r) { taken[r.figures.id] = true; });
    state.removedRegions.forEach(function (f) { taken[f.id] = true; });
    var m = /^(.*?)(\d{3})$/.exec(from);
    if (m) for (var n = 950; n < 1000; n++) { if (!taken[m[1] + n]) return m[1] + n; }
    for (var k = 2; k < 1000; k++) { if (!taken[from + '-' + k]) return from + '-' + k; }
    return from + '-new';
  }

  function renderDetail() {
    var r = selected && regionById[selected];
    body.classList.toggle('has-selection', !!r);
    if (!r) { detail.hidden = true; clear(detail); return; }
    var f = r.figures;
    detail.hidden = false;
    clear(detail);
    tag('h2', null, f.id + ' ' + f.name, detail);

    var others = state.regions.filter(function (o) { return o.figures.id !== f.id; });
    if (others.length) {
      var merge = tag('fieldset', 'merge', null, detail);
      tag('legend', null, 'Merge', merge);
      // Partners first: the regions that this one's findings name (close-by schools, larger area).
      var partners = {};
      state.findings.forEach(function (x) {
        if (x.regions.indexOf(f.id) >= 0) x.regions.forEach(function (id) { if (id !== f.id) partners[id] = (partners[id] || 0) + 1; });
      });
      others.sort(function (a, b) { return (partners[b.figures.id] || 0) - (partners[a.figures.id] || 0); });
      var row1 = tag('div', 'row', null, merge);
      tag('label', null, 'with', row1).htmlFor = 'merge-with';
      var withSelect = tag('select', null, null, row1);
      withSelect.id = 'merge-with';
      others.forEach(function (o) { tag('option', null, o.figures.id + ' ' + o.figures.name, withSelect).value = o.figures.id; });
      var row2 = tag('div', 'row', null, merge);
      tag('label', null, 'keep the id of', row2).htmlFor = 'merge-into';
      var intoSelect = tag('select', null, null, row2);
      intoSelect.id = 'merge-into';
      function fillInto() {
        clear(intoSelect);
        [f.id, withSelect.value].forEach(function (id) { tag('option', null, id, intoSelect).value = id; });
      }
      fillInto();
      withSelect.addEventListener('change', fillInto);
      var mergeButton = tag('button', 'primary', 'Merge', row2);
      mergeButton.type = 'button';
      mergeButton.id = 'merge-button';
      mergeButton.addEventListener('click', function () {
        var into = intoSelect.value;
        edit({ merge: [f.id, withSelect.value], into: into }, 'Merged ' + f.id + ' and ' + withSelect.value + ' into ' + into + '.')
          .then(function (ok) { if (ok) select(into); });
      });
    }

    var split = tag('fieldset', 'split', null, detail);
    tag('legend', null, 'Split', split);
    var ul = tag('ul', 'split-schools', null, split);
    var boxes = [];
    f.schools.forEach(function (code) {
      var s = schoolByCode[code];
      var label = tag('label', null, null, tag('li', null, null, ul));
      var box = tag('input', null, null, label);
      box.type = 'checkbox';
      box.value = code;
      boxes.push(box);
      tag('span', null, code + ' ' + (s ? s.name + ', ' + s.town : ''), label);
      if (f.lead === code) tag('span', 'tag lead', 'lead', label);
    });
    var row3 = tag('div', 'row', null, split);
    tag('label', null, 'new region', row3).htmlFor = 'split-new';
    var newId = tag('input', null, null, row3);
    newId.type = 'text';
    newId.id = 'split-new';
    newId.value = freeRegionId(f.id);
    var splitButton = tag('button', 'primary', 'Split off', row3);
    splitButton.type = 'button';
    splitButton.id = 'split-button';
    function checked() { return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); }
    function updateSplit() { splitButton.disabled = checked().length === 0; }
    boxes.forEach(function (b) { b.addEventListener('change', updateSplit); });
    updateSplit();
    splitButton.addEventListener('click', function () {
      var schools = checked(), id = newId.value.trim();
      edit({ split: f.id, 'new': id, schools: schools }, 'Split ' + plural(schools.length, 'school') + ' off ' + f.id + ' as ' + id + '.');
    });

    // The portrait (members, pupils per profile and track, findings) comes on request: one region at a time.
    var card = tag('div', 'portrait', null, detail);
    card.id = 'portrait';
    var key = state.revision + ' ' + f.id, asked = key;
    if (portraitCache[key] !== undefined) { card.innerHTML = portraitCache[key]; return; }
    tag('p', 'more', 'Loading the portrait…', card);
    api('GET', '/api/regions/' + encodeURIComponent(f.id) + '/portrait').then(function (answer) {
      portraitCache[asked] = answer.html;
      // Only if the same region of the same revision is still shown.
      if (state.revision + ' ' + selected === asked && card.isConnected) card.innerHTML = answer.html;  // escaped by the portrait renderer
    }, function (error) { if (card.isConnected) card.textContent = error.message; });
  }

  function renderFindings() {
    clear(findingsBox);
    var h = tag('h2', null, selected ? 'Findings of ' + selected : 'Findings', findingsBox);
    var tabs = tag('span', 'tabs', null, h);
    function only(items) { return selected ? items.filter(function (x) { return x.regions.indexOf(selected) >= 0; }) : items; }
    var sets = { all: only(state.findings), introduced: only(state.introduced), resolved: only(state.resolved) };
    [['all', 'all'], ['introduced', 'introduced by the edits'], ['resolved', 'resolved by the edits']].forEach(function (t) {
      var b = tag('button', null, t[1] + ' (' + sets[t[0]].length + ')', tabs);
      b.type = 'button';
      b.dataset.tab = t[0];
      b.setAttribute('aria-pressed', findingsTab === t[0] ? 'true' : 'false');
      b.addEventListener('click', function () { findingsTab = t[0]; renderFindings(); });
    });
    if (selected) {
      var all = tag('button', null, 'all regions', tabs);
      all.type = 'button';
      all.addEventListener('click', function () { select(null); });
    }
    var introduced = {};
    state.introduced.forEach(function (x) { introduced[findingKey(x)] = true; });
    var items = sets[findingsTab], ul = tag('ul', 'finding-list', null, findingsBox), limit = 400;
    items.slice(0, limit).forEach(function (x) {
      var li = tag('li', findingsTab === 'resolved' ? 'resolved' : introduced[findingKey(x)] ? 'introduced' : '', null, ul);
      li.dataset.rule = x.rule;
      tag('span', 'sev ' + x.severity, x.severity, li);
      tag('code', null, x.rule, li);
      tag('span', null, ' ' + x.message + ' ', li);
      if (findingsTab !== 'resolved' && introduced[findingKey(x)]) tag('span', 'tag new', 'new', li);
    });
    if (!items.length) tag('li', 'more', 'None.', ul);
    if (items.length > limit) tag('li', 'more', '… ' + int(items.length - limit) + ' more', ul);
  }

  // ---- the school panel: move, remove, lead -----------------------------------------------------
  function closePanel() {
    panel.hidden = true;
    chosenSchool = null;
    var c = gSchools.querySelector('.chosen');
    if (c) c.classList.remove('chosen');
  }
  function openSchool(code, clientX, clientY) {
    var s = schoolByCode[code];
    if (!s) return;
    closePanel();
    chosenSchool = code;
    var dot = gSchools.querySelector('[data-school="' + code + '"]');
    if (dot) dot.classList.add('chosen');
    clear(panel);
    panel.dataset.school = code;
    var close = tag('button', 'close', '×', panel);
    close.type = 'button';
    close.title = 'Close (Esc)';
    close.addEventListener('click', closePanel);
    tag('h3', null, s.code + ' ' + s.name, panel);
    tag('div', 'muted', [s.town, s.kind, s.technical ? 'technical profile' : 'no technical profile'].filter(Boolean).join(' · '), panel);
    tag('div', 'where', s.regions.length ? 'In ' + s.regions.map(function (id) { var r = regionById[id]; return id + (r ? ' ' + r.figures.name : ''); }).join(', ') : 'In no region', panel);
    var row = tag('div', 'row', null, panel);
    tag('label', null, 'Move to', row).htmlFor = 'move-to';
    var target = tag('select', null, null, row);
    target.id = 'move-to';
    state.regions.forEach(function (r) {
      var id = r.figures.id;
      if (s.regions.length === 1 && s.regions[0] === id) return;
      tag('option', null, id + ' ' + r.figures.name, target).value = id;
    });
    if (selected && selected !== s.regions[0] && regionById[selected]) target.value = selected;
    var move = tag('button', 'primary', 'Move', row);
    move.type = 'button';
    move.id = 'move-button';
    move.disabled = !target.options.length;
    move.addEventListener('click', function () {
      var to = target.value;
      edit({ move: code, to: to }, 'Moved ' + code + ' to ' + to + '.').then(function (ok) { if (ok) closePanel(); });
    });
    var actions = tag('div', 'actions', null, panel);
    s.regions.forEach(function (id) {
      var remove = tag('button', 'remove-button', 'Remove from ' + id, actions);
      remove.type = 'button';
      remove.addEventListener('click', function () {
        edit({ remove: code, from: id }, 'Removed ' + code + ' from ' + id + '.').then(function (ok) { if (ok) closePanel(); });
      });
      var r = regionById[id];
      if (r && r.figures.lead !== code) {
        var lead = tag('button', 'lead-button', 'Make lead of ' + id, actions);
        lead.type = 'button';
        lead.addEventListener('click', function () {
          edit({ lead: code, of: id }, code + ' leads ' + id + '.').then(function (ok) { if (ok) closePanel(); });
        });
      }
    });
    panel.hidden = false;
    var box = wrap.getBoundingClientRect();
    var x = clientX - box.left + 14, y = clientY - box.top + 14;
    if (x + panel.offsetWidth > box.width - 8) x = clientX - box.left - panel.offsetWidth - 14;
    if (y + panel.offsetHeight > box.height - 8) y = box.height - panel.offsetHeight - 8;
    panel.style.left = Math.max(8, x) + 'px';
    panel.style.top = Math.max(8, y) + 'px';
    target.focus();
  }

  // ---- pan and zoom through the viewBox -----------------------------------------------------------
  var mapView = createMapView({
    svg: svg, tooltip: tooltip, frame: frame,
    viewChanged: function (u, rescaled) { if (rescaled) declutter(); },
    hover: showScenarioTip, click: openOnMap,
  });
  // A click on a school opens its panel; on a region, selects it (or clears the selection).
  function openOnMap(target, e) {
    var info = target && tipOf.get(target);
    if (info && info.kind === 'school') { openSchool(info.code, e.clientX, e.clientY); return; }
    closePanel();
    if (info && info.kind === 'region') select(selected === info.id ? null : info.id);
    else select(null);
  }
  window.addEventListener('resize', mapView.goHome);

  /** The tooltip of the school or region under the pointer. @param {PointerEvent} e */
  function showScenarioTip(e) {
    var info = e.target && tipOf.get(e.target);
    if (!info || !state) { tooltip.hidden = true; return; }
    clear(tooltip);
    if (info.kind === 'school') {
      var s = schoolByCode[info.code];
      tag('strong', null, s.code + ' ' + s.name, tooltip);
      tag('div', null, [s.town, s.kind, s.technical ? 'technical profile' : 'no technical profile'].filter(Boolean).join(' · '), tooltip);
      tag('div', 'muted', s.regions.length ? 'region ' + s.regions.join(', ') + ' · click to move' : 'in no region · click to add it to one', tooltip);
    } else {
      var r = regionById[info.id];
      if (!r) { tooltip.hidden = true; return; }
      tag('strong', null, r.figures.id + ' ' + r.figures.name, tooltip);
      tag('div', null, plural(r.figures.schools.length, 'school') + ' · share ' + pct(r.figures.technicalShare) + ' · ' + euro(r.figures.budgetEUR, r.figures.budgetRangeEUR), tooltip);
    }
    mapView.placeTip(e, wrap);
  }

  // ---- undo, redo, save, saved scenarios --------------------------------------------------------
  $('undo').addEventListener('click', function () { change('POST', '/api/undo', undefined, 'Undone: ' + state.editTexts[state.editTexts.length - 1] + '.'); });
  $('redo').addEventListener('click', function () { change('POST', '/api/redo', undefined, 'Redone: ' + state.redoTexts[0] + '.'); });
  document.addEventListener('keydown', function (e) {
    var t = /** @type {HTMLElement} */ (e.target);
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape') { if (t === filter) { filter.value = ''; applyFilter(); } closePanel(); }
      return;
    }
    var mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'z' || e.key === 'Z') && !e.shiftKey) { e.preventDefault(); if (!$('undo').disabled) $('undo').click(); }
    else if (mod && ((e.key === 'z' || e.key === 'Z') && e.shiftKey || e.key === 'y')) { e.preventDefault(); if (!$('redo').disabled) $('redo').click(); }
    else if (e.key === 'Escape') { closePanel(); select(null); }
    else if (e.key === '+' || e.key === '=') mapView.zoomCentre(1.6);
    else if (e.key === '-') mapView.zoomCentre(1 / 1.6);
  });

  $('save-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('save-name'), name = input.value.trim();
    if (!name) { showMessage('Name the scenario before saving it.'); return; }
    if (busy) return;
    setBusy(true);
    api('POST', '/api/scenarios', { name: name }).then(function (saved) {
      showMessage('Saved "' + saved.name + '" (' + plural(saved.edits.length, 'edit') + ').', true);
      input.value = '';
      return Promise.all([loadScenarios(), api('GET', '/api/state').then(setState)]);
    }).catch(function (error) { showMessage(error.message); }).then(function () { setBusy(false); });
  });

  function loadScenarios() {
    return api('GET', '/api/scenarios').then(function (answer) {
      scenarios = answer.scenarios;
      renderScenarios();
    }, function (error) { showMessage(error.message); });
  }
  function renderScenarios() {
    var ul = $('scenario-list');
    clear(ul);
    $('scenario-count').textContent = String(scenarios.length);
    if (!scenarios.length) tag('li', 'scenario-empty', 'None saved yet: name the current edits and press Save.', ul);
    scenarios.forEach(function (s) {
      var li = tag('li', 'scenario-item', null, ul);
      li.dataset.id = s.id;
      tag('span', 'name', s.name, li);
      var load = tag('button', 'load', 'Load', li);
      load.type = 'button';
      var file = tag('a', 'download', 'file', li);
      file.href = s.file;
      file.setAttribute('download', '');
      file.title = 'Download as a scenario file for regio compare --scenario';
      tag('span', 'when', new Date(s.createdAt).toLocaleString() + ' · ' + plural(s.edits.length, 'edit'), li);
      load.addEventListener('click', function () {
        var unsaved = state && state.edits.length && !state.scenarioName;
        if (unsaved && pendingLoad !== s.id) {
          pendingLoad = s.id;
          load.textContent = 'Replace ' + plural(state.edits.length, 'unsaved edit') + '?';
          return;
        }
        pendingLoad = null;
        change('POST', '/api/scenarios/' + s.id + '/load', undefined, 'Loaded "' + s.name + '".').then(function (ok) {
          if (ok) $('scenarios-box').open = false;
          renderScenarios();
        });
      });
    });
  }

  // ---- start ------------------------------------------------------------------------------------
  Promise.all([api('GET', '/api/state'), loadScenarios()]).then(function (answers) {
    setState(answers[0]);
    mapView.goHome();
    body.classList.add('ready');
  }).catch(function (error) { showMessage('Cannot load the scenario: ' + error.message); });
})();
