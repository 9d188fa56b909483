// The script of the `regio serve` page, plain JavaScript without libraries. It draws the static layers of
// the embedded background once, then fetches `/api/state` and draws the scenario: territories, schools,
// findings on the map; the side list of regions with their figures and the change from the base; the
// findings below the map. Every change (move a school from its panel, merge or split from the selected
// region, undo, redo, load) is one request to the API, whose answer is the new state, drawn at once. It
// talks to this server only. Inlined after page-pure.js and page.js, whose functions it uses.
(function () {
  'use strict';
  /**
   * The page's element with this id (serve.html has every one the script asks for).
   * @param {string} id
   * @returns {HTMLElement}
   */
  function $(id) { return /** @type {HTMLElement} */ (document.getElementById(id)); }
  /** @param {string} id */
  function button(id) { return /** @type {HTMLButtonElement} */ ($(id)); }
  /** @type {BackgroundJSON} */
  var bg = JSON.parse($('regio-background').textContent || '{}');
  var words = wordsOf(languageOf(bg.language));
  var t = words.t;
  translatePage(words);
  document.title = bg.title + ' · ' + t('scenarios');
  var svg = /** @type {SVGSVGElement} */ (/** @type {unknown} */ ($('map')));
  var body = document.body, wrap = $('map-wrap'), tooltip = $('tooltip'), panel = $('school-panel');
  var list = $('region-list'), detail = $('region-detail'), findingsBox = $('findings'), message = $('message');
  var frame = bg.frame;
  /** @typedef {'all' | 'introduced' | 'resolved'} FindingsTab */
  /** @type {ServeStateJSON} the last state the server gave (the page draws nothing before the first) */
  var state = /** @type {ServeStateJSON} */ (/** @type {unknown} */ (null));
  /** @type {string | null} */
  var selected = null;
  /** @type {string | null} */
  var chosenSchool = null;
  /** @type {FindingsTab} */
  var findingsTab = 'all';
  var busy = false;
  /** @type {number | null} */
  var pendingLoad = null;
  /** @type {Object<string, RegionSummaryJSON>} */
  var regionById = {};
  /** @type {Object<string, MapRegionJSON>} */
  var mapRegionById = {};
  /** @type {Object<string, MapSchoolJSON>} */
  var schoolByCode = {};
  /** @type {Object<string, string[]>} school code → the base regions that listed it */
  var baseRegionsOf = {};
  /** @type {SavedScenarioJSON[]} */
  var scenarios = [];
  /** @type {Object<string, string>} "revision region" → the portrait's HTML */
  var portraitCache = {};

  /**
   * What a drawn element stands for: its tooltip shows it, and a click on it opens it.
   * @typedef {{ kind: 'region', id: string } | { kind: 'school', code: string }} Mark
   */
  /** @type {WeakMap<EventTarget, Mark>} */
  var tipOf = new WeakMap();
  /** @type {WeakMap<Element, string>} each list item's filter text */
  var textOf = new WeakMap();

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
    tag('span', 'delta ' + (good ? 'up' : 'down'), signed(n, show || words.int), parent);
  }
  /** @param {FindingJSON} f */
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
  $('methods').textContent = t('methods', { list: bg.methods.map(function (m) { return m.replace(/[.\s]+$/, ''); }).join('; ') });

  // ---- talking to the server --------------------------------------------------------------------
  /**
   * One request to this server's API: its answer (JSON), or an error with the server's message.
   * @param {string} method
   * @param {string} path
   * @param {object} [payload] sent as JSON
   * @returns {Promise<any>} the answer, of the type of its schema (serve-state.schema.json)
   */
  function api(method, path, payload) {
    /** @type {Object<string, string>} */
    var headers = { 'Accept': 'application/json' };
    /** @type {RequestInit} */
    var init = { method: method, headers: headers };
    if (payload !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(payload); }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!r.ok) throw new Error(data && data.error ? data.error : r.status + ' ' + r.statusText);
        return data;
      });
    });
  }
  /** @param {boolean} on */
  function setBusy(on) {
    busy = on;
    body.classList.toggle('busy', on);
    renderTools();
  }
  /** @param {string} text @param {boolean} [note] a note, not an error */
  function showMessage(text, note) {
    message.textContent = text;
    message.classList.toggle('note', !!note);
    message.hidden = false;
  }
  function hideMessage() { message.hidden = true; }
  /**
   * One change of the scenario: the answer is the new state.
   * @param {string} method
   * @param {string} path
   * @param {object | undefined} payload
   * @param {string} [note] shown when it succeeds
   * @returns {Promise<boolean>} whether it succeeded
   */
  function change(method, path, payload, note) {
    if (busy) return Promise.resolve(false);
    setBusy(true);
    return api(method, path, payload).then(function (s) {
      if (note) showMessage(note, true); else hideMessage();
      setState(s);
      return true;
    }, function (/** @type {Error} */ error) {
      showMessage(error.message);
      return false;
    }).then(function (ok) { setBusy(false); return ok; });
  }
  /** @param {EditJSON} e @param {string} note */
  function edit(e, note) { return change('POST', '/api/edits', e, note); }

  // ---- the state --------------------------------------------------------------------------------
  /** @param {ServeStateJSON} s */
  function setState(s) {
    state = s;
    regionById = {};
    s.regions.forEach(function (r) { regionById[r.figures.id] = r; });
    baseRegionsOf = {};
    /** @param {RegionFiguresJSON} f */
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
    // Each region's colour comes from the server, derived from its id (RegionPalette): the same after a
    // reload and an edit.
    m.regions.forEach(function (r) {
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
    /** @type {RegionLabel[]} */
    var labels = [];
    Array.prototype.forEach.call(gLabels.children, function (/** @type {SVGTextElement} */ text) {
      var r = mapRegionById[text.dataset.region || ''];
      if (r && r.label) labels.push({ text: text, id: r.id, x: r.label[0], y: r.label[1], area: r.area, selected: r.id === selected });
    });
    placeLabels(labels, u);
  }

  function renderSummary() {
    var n = state.totals, b = state.baseTotals, e = $('summary');
    clear(e);
    tag('b', null, words.count(n.regions, 'region'), e);
    tag('span', null, ' · ' + words.count(n.schools, 'school') + ' · ', e);
    tag('b', null, words.int(n.technicalStudents), e);
    tag('span', null, t('summaryTechnical', { counted: words.int(n.countedStudents) }), e);
    tag('b', null, words.euro(n.budgetEUR), e);
    delta(e, n.budgetEUR - b.budgetEUR, words.euro);
    tag('span', null, ' · ', e);
    tag('span', 'n-error', words.count(n.errors, 'error'), e);
    delta(e, n.errors - b.errors, words.int, false);
    tag('span', null, ' · ', e);
    tag('span', 'n-warning', words.count(n.warnings, 'warning'), e);
    delta(e, n.warnings - b.warnings, words.int, false);
    if (n.techniekarmRegions) tag('span', null, t('techniekarmCount', { n: words.int(n.techniekarmRegions) }), e);
  }

  function renderTools() {
    if (!state) return;
    var undo = button('undo'), redo = button('redo');
    undo.disabled = busy || state.edits.length === 0;
    redo.disabled = busy || state.redoEdits.length === 0;
    undo.title = state.edits.length ? t('undoWhat', { edit: state.editTexts[state.editTexts.length - 1] }) : t('nothingToUndo');
    redo.title = state.redoEdits.length ? t('redoWhat', { edit: state.redoTexts[0] }) : t('nothingToRedo');
    button('save-button').disabled = busy;
    var n = state.edits.length;
    $('edit-count').textContent = (n ? words.count(n, 'edit') : t('baseNoEdits')) + (state.scenarioName ? ' · ' + state.scenarioName : n ? ' · ' + t('unsaved') : '');
    var ol = $('edit-list');
    clear(ol);
    state.editTexts.forEach(function (text) { tag('li', null, text, ol); });
    state.redoTexts.forEach(function (text) { tag('li', 'redo', t('undone', { edit: text }), ol); });
    if (!n && !state.redoTexts.length) tag('li', null, t('noEdits'), ol);
  }

  function renderList() {
    clear(list);
    state.regions.forEach(function (r) {
      var f = r.figures, b = r.base, m = mapRegionById[f.id];
      var li = tag('li', 'region-item' + (f.id === selected ? ' selected' : ''), null, list);
      li.dataset.region = f.id;
      li.dataset.schools = String(f.schools.length);
      li.dataset.counted = String(f.countedStudents);
      li.dataset.technical = String(f.technicalStudents);
      li.dataset.share = f.technicalShare === undefined ? '' : String(f.technicalShare);
      li.dataset.budget = f.budgetEUR === undefined ? '' : String(f.budgetEUR);
      li.dataset.techniekarm = String(f.techniekarm);
      tag('span', 'swatch', null, li).style.background = m ? m.color : '#ccc';
      var head = tag('span', null, null, li);
      tag('span', 'rid', f.id, head);
      tag('span', 'rname', f.name, head).title = f.name;
      if (!b) tag('span', 'tag new', t('newRegion'), head);
      var status = r.errors ? 'error' : r.warnings ? 'warning' : 'ok';
      var badge = tag('span', 'badge ' + status, status === 'ok' ? t('statusOk') : status === 'error' ? words.count(r.errors, 'error') : words.count(r.warnings, 'warning'), li);
      badge.title = words.count(r.errors, 'error') + ', ' + words.count(r.warnings, 'warning') + ', ' + words.count(r.infos, 'note');
      var figs = tag('div', 'figs', null, li);
      // Each figure in its own element (read by tests), its change from the base beside it.
      var s1 = tag('span', 'fig', null, figs);
      tag('span', 'fig-schools', words.count(f.schools.length, 'school'), s1);
      if (b) delta(s1, f.schools.length - b.schools.length);
      var s2 = tag('span', 'fig', null, figs);
      tag('span', 'fig-technical', words.int(f.technicalStudents), s2);
      tag('span', null, t('figOf'), s2);
      tag('span', 'fig-counted', words.int(f.countedStudents), s2);
      tag('span', null, t('figTechnical'), s2);
      if (b) delta(s2, f.technicalStudents - b.technicalStudents);
      var s3 = tag('span', 'fig', null, figs);
      tag('span', 'fig-share', words.pct(f.technicalShare), s3);
      if (b && f.technicalShare !== undefined && b.technicalShare !== undefined) {
        var d = Math.round((f.technicalShare - b.technicalShare) * 1000) / 10;
        if (d) delta(s3, d, function (v) { return words.decimal(v, 1); });
      }
      if (f.techniekarm) tag('span', 'tag arm fig-arm', t('techniekarm'), figs);
      var s4 = tag('span', 'fig', null, figs);
      tag('span', 'fig-budget', words.euro(f.budgetEUR, f.budgetRangeEUR), s4);
      if (b && f.budgetEUR !== undefined && b.budgetEUR !== undefined) delta(s4, f.budgetEUR - b.budgetEUR, words.euro);
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
      tag('div', 'figs', t('removedRegion', { schools: words.count(f.schools.length, 'school'), budget: words.euro(f.budgetEUR, f.budgetRangeEUR) }), li);
      textOf.set(li, (f.id + ' ' + f.name).toLowerCase());
    });
    applyFilter();
  }

  var filter = /** @type {HTMLInputElement} */ ($('filter'));
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(list.children, function (/** @type {HTMLElement} */ li) { li.hidden = !!q && (textOf.get(li) || '').indexOf(q) < 0; });
  }
  filter.addEventListener('input', applyFilter);

  /** @param {string | null} id */
  function select(id) {
    selected = id;
    body.classList.toggle('has-selection', !!id);
    Array.prototype.forEach.call(list.children, function (/** @type {HTMLElement} */ li) { li.classList.toggle('selected', li.dataset.region === id); });
    Array.prototype.forEach.call(gTerritories.children, function (/** @type {SVGElement} */ p) { p.classList.toggle('selected', p.dataset.region === id); });
    declutter();
    renderDetail();
    renderFindings();
    if (id) {
      var li = list.querySelector('[data-region="' + id + '"]');
      if (li && li.scrollIntoView) li.scrollIntoView({ block: 'nearest' });
    }
  }

  /** @param {string} from */
  function freeRegionId(from) {
    /** @type {Object<string, boolean>} */
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
      tag('legend', null, t('merge'), merge);
      // Partners first: the regions that this one's findings name (close-by schools, larger area).
      /** @type {Object<string, number>} */
      var partners = {};
      state.findings.forEach(function (x) {
        if (x.regions.indexOf(f.id) >= 0) x.regions.forEach(function (id) { if (id !== f.id) partners[id] = (partners[id] || 0) + 1; });
      });
      others.sort(function (a, b) { return (partners[b.figures.id] || 0) - (partners[a.figures.id] || 0); });
      var row1 = tag('div', 'row', null, merge);
      tag('label', null, t('mergeWith'), row1).htmlFor = 'merge-with';
      var withSelect = tag('select', null, null, row1);
      withSelect.id = 'merge-with';
      others.forEach(function (o) { tag('option', null, o.figures.id + ' ' + o.figures.name, withSelect).value = o.figures.id; });
      var row2 = tag('div', 'row', null, merge);
      tag('label', null, t('keepIdOf'), row2).htmlFor = 'merge-into';
      var intoSelect = tag('select', null, null, row2);
      intoSelect.id = 'merge-into';
      function fillInto() {
        clear(intoSelect);
        [f.id, withSelect.value].forEach(function (id) { tag('option', null, id, intoSelect).value = id; });
      }
      fillInto();
      withSelect.addEventListener('change', fillInto);
      var mergeButton = tag('button', 'primary', t('merge'), row2);
      mergeButton.type = 'button';
      mergeButton.id = 'merge-button';
      mergeButton.addEventListener('click', function () {
        var into = intoSelect.value;
        edit({ merge: [f.id, withSelect.value], into: into }, t('merged', { a: f.id, b: withSelect.value, into: into }))
          .then(function (ok) { if (ok) select(into); });
      });
    }

    var split = tag('fieldset', 'split', null, detail);
    tag('legend', null, t('split'), split);
    var ul = tag('ul', 'split-schools', null, split);
    /** @type {HTMLInputElement[]} */
    var boxes = [];
    f.schools.forEach(function (code) {
      var s = schoolByCode[code];
      var label = tag('label', null, null, tag('li', null, null, ul));
      var box = tag('input', null, null, label);
      box.type = 'checkbox';
      box.value = code;
      boxes.push(box);
      tag('span', null, code + ' ' + (s ? s.name + ', ' + s.town : ''), label);
      if (f.lead === code) tag('span', 'tag lead', t('lead'), label);
    });
    var row3 = tag('div', 'row', null, split);
    tag('label', null, t('newRegionId'), row3).htmlFor = 'split-new';
    var newId = tag('input', null, null, row3);
    newId.type = 'text';
    newId.id = 'split-new';
    newId.value = freeRegionId(f.id);
    var splitButton = tag('button', 'primary', t('splitOff'), row3);
    splitButton.type = 'button';
    splitButton.id = 'split-button';
    function checked() { return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); }
    function updateSplit() { splitButton.disabled = checked().length === 0; }
    boxes.forEach(function (b) { b.addEventListener('change', updateSplit); });
    updateSplit();
    splitButton.addEventListener('click', function () {
      var schools = checked(), id = newId.value.trim();
      edit({ split: f.id, 'new': id, schools: schools }, t('splitDone', { schools: words.count(schools.length, 'school'), region: f.id, id: id }));
    });

    // The portrait (members, pupils per profile and track, findings) comes on request: one region at a time.
    var card = tag('div', 'portrait', null, detail);
    card.id = 'portrait';
    var key = state.revision + ' ' + f.id, asked = key;
    if (portraitCache[key] !== undefined) { card.innerHTML = portraitCache[key]; return; }
    tag('p', 'more', t('loadingPortrait'), card);
    api('GET', '/api/regions/' + encodeURIComponent(f.id) + '/portrait').then(function (/** @type {PortraitJSON} */ answer) {
      portraitCache[asked] = answer.html;
      // Only if the same region of the same revision is still shown.
      if (state.revision + ' ' + selected === asked && card.isConnected) card.innerHTML = answer.html;  // escaped by the portrait renderer
    }, function (/** @type {Error} */ error) { if (card.isConnected) card.textContent = error.message; });
  }

  function renderFindings() {
    clear(findingsBox);
    var h = tag('h2', null, selected ? t('findingsOf', { id: selected }) : t('findings'), findingsBox);
    var tabs = tag('span', 'tabs', null, h);
    /** @param {FindingJSON[]} items */
    function only(items) { return selected ? items.filter(function (x) { return x.regions.indexOf(/** @type {string} */ (selected)) >= 0; }) : items; }
    var sets = { all: only(state.findings), introduced: only(state.introduced), resolved: only(state.resolved) };
    /** @type {[FindingsTab, TextKey][]} */
    var tabNames = [['all', 'tabAll'], ['introduced', 'tabIntroduced'], ['resolved', 'tabResolved']];
    tabNames.forEach(function (tab) {
      var b = tag('button', null, t(tab[1]) + ' (' + words.int(sets[tab[0]].length) + ')', tabs);
      b.type = 'button';
      b.dataset.tab = tab[0];
      b.setAttribute('aria-pressed', findingsTab === tab[0] ? 'true' : 'false');
      b.addEventListener('click', function () { findingsTab = tab[0]; renderFindings(); });
    });
    if (selected) {
      var all = tag('button', null, t('allRegions'), tabs);
      all.type = 'button';
      all.addEventListener('click', function () { select(null); });
    }
    /** @type {Object<string, boolean>} */
    var introduced = {};
    state.introduced.forEach(function (x) { introduced[findingKey(x)] = true; });
    var items = sets[findingsTab], ul = tag('ul', 'finding-list', null, findingsBox), limit = 400;
    items.slice(0, limit).forEach(function (x) {
      var li = tag('li', findingsTab === 'resolved' ? 'resolved' : introduced[findingKey(x)] ? 'introduced' : '', null, ul);
      li.dataset.rule = x.rule;
      // The severity, the rule and the message apart in the text too (innerText, a copy), not by CSS alone.
      tag('span', 'sev ' + x.severity, severityName(x.severity), li);
      li.appendChild(document.createTextNode(' '));
      tag('code', null, x.rule, li);
      tag('span', null, ' ' + x.message + ' ', li);
      if (findingsTab !== 'resolved' && introduced[findingKey(x)]) tag('span', 'tag new', t('newRegion'), li);
    });
    if (!items.length) tag('li', 'more', t('none'), ul);
    if (items.length > limit) tag('li', 'more', t('more', { n: words.int(items.length - limit) }), ul);
  }

  /** @param {Severity} severity */
  function severityName(severity) {
    return severity === 'error' ? t('severityError') : severity === 'warning' ? t('severityWarning') : t('severityInfo');
  }

  // ---- the school panel: move, remove, lead -----------------------------------------------------
  function closePanel() {
    panel.hidden = true;
    chosenSchool = null;
    var c = gSchools.querySelector('.chosen');
    if (c) c.classList.remove('chosen');
  }
  /**
   * Opens the panel of school `code` beside the point clicked (pixels of the window); hides the tooltip.
   * @param {string} code
   * @param {number} clientX
   * @param {number} clientY
   */
  function openSchool(code, clientX, clientY) {
    var s = schoolByCode[code];
    if (!s) return;
    closePanel();
    tooltip.hidden = true;
    chosenSchool = code;
    var dot = gSchools.querySelector('[data-school="' + code + '"]');
    if (dot) dot.classList.add('chosen');
    clear(panel);
    panel.dataset.school = code;
    var close = tag('button', 'close', '×', panel);
    close.type = 'button';
    close.title = t('close');
    close.addEventListener('click', closePanel);
    tag('h3', null, s.code + ' ' + s.name, panel);
    tag('div', 'muted', [s.town, s.kind, s.technical ? t('technicalProfile') : t('noTechnicalProfile')].filter(Boolean).join(' · '), panel);
    tag('div', 'where', s.regions.length ? t('inRegions', { regions: s.regions.map(function (id) { var r = regionById[id]; return id + (r ? ' ' + r.figures.name : ''); }).join(', ') }) : t('inNoRegionPanel'), panel);
    var row = tag('div', 'row', null, panel);
    tag('label', null, t('moveTo'), row).htmlFor = 'move-to';
    var target = tag('select', null, null, row);
    target.id = 'move-to';
    moveTargets(s).forEach(function (m) {
      var r = regionById[m.id];
      var option = tag('option', null, m.distance === null ? m.id : t('moveTarget', { id: m.id, distance: words.km(m.distance) }), target);
      option.value = m.id;
      option.title = m.id + ' ' + r.figures.name;
      if (m.distance !== null) option.dataset.metres = String(Math.round(m.distance));
    });
    if (selected && selected !== s.regions[0] && regionById[selected]) target.value = selected;
    var move = tag('button', 'primary', t('move'), row);
    move.type = 'button';
    move.id = 'move-button';
    move.disabled = !target.options.length;
    move.addEventListener('click', function () {
      var to = target.value;
      edit({ move: code, to: to }, t('moved', { school: code, region: to })).then(function (ok) { if (ok) closePanel(); });
    });
    var actions = tag('div', 'actions', null, panel);
    s.regions.forEach(function (id) {
      var remove = tag('button', 'remove-button', t('removeFrom', { id: id }), actions);
      remove.type = 'button';
      remove.addEventListener('click', function () {
        edit({ remove: code, from: id }, t('removed', { school: code, region: id })).then(function (ok) { if (ok) closePanel(); });
      });
      var r = regionById[id];
      if (r && r.figures.lead !== code) {
        var lead = tag('button', 'lead-button', t('makeLead', { id: id }), actions);
        lead.type = 'button';
        lead.addEventListener('click', function () {
          edit({ lead: code, of: id }, t('madeLead', { school: code, region: id })).then(function (ok) { if (ok) closePanel(); });
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

  /**
   * Where school `s` can move: every region but the one it alone is in, nearest first, by the distance from
   * the school to the region's nearest school (``nearestFirst``), metres of EPSG:28992 (map units of the
   * frame times its `unitMeters`, so the order does not depend on the zoom); regions without a placed
   * school last, with no distance.
   * @param {MapSchoolJSON} s
   * @returns {RegionDistance[]} distances in metres
   */
  function moveTargets(s) {
    var candidates = state.regions.filter(function (r) { return !(s.regions.length === 1 && s.regions[0] === r.figures.id); })
      .map(function (r) {
        /** @type {Point[]} */
        var points = [];
        r.figures.schools.forEach(function (c) { var o = schoolByCode[c]; if (o && c !== s.code) points.push(o); });
        return { id: r.figures.id, points: points };
      });
    return nearestFirst(s, candidates).map(function (m) {
      return { id: m.id, distance: m.distance === null ? null : m.distance * frame.unitMeters };
    });
  }

  // ---- pan and zoom through the viewBox -----------------------------------------------------------
  var mapView = createMapView({
    svg: svg, tooltip: tooltip, frame: frame,
    viewChanged: function (u, rescaled) { if (rescaled) declutter(); },
    hover: showScenarioTip, click: openOnMap,
  });
  /** How near to the pointer (pixels) a school's dot must be for a click to pick it. */
  var PICK_RADIUS_PX = 10;
  /**
   * The school whose dot is nearest to the pointer on screen, within ``PICK_RADIUS_PX``: at national zoom
   * dots overlap, and the one drawn on top need not be the one pointed at.
   * @param {MouseEvent} e
   * @returns {string | null} its code
   */
  function schoolAt(e) {
    var u = mapView.scale();
    if (!state || !u) return null;
    var p = mapView.toMap(e.clientX, e.clientY), dx = state.mapOffset[0], dy = state.mapOffset[1];
    var schools = state.map.schools;
    var i = nearestWithin(schools.map(function (s) { return { x: (s.x + dx) / u, y: (s.y + dy) / u }; }), { x: p.x / u, y: p.y / u }, PICK_RADIUS_PX);
    return i === null ? null : schools[i].code;
  }
  /**
   * A click near a school opens its panel; on a region, selects it (or clears the selection).
   * @param {EventTarget | null} target
   * @param {PointerEvent} e
   */
  function openOnMap(target, e) {
    var code = schoolAt(e);
    if (code) { openSchool(code, e.clientX, e.clientY); return; }
    var info = target && tipOf.get(target);
    closePanel();
    if (info && info.kind === 'region') select(selected === info.id ? null : info.id);
    else select(null);
  }
  window.addEventListener('resize', mapView.goHome);

  /**
   * The tooltip of the school or region under the pointer.
   * @param {PointerEvent} e
   */
  function showScenarioTip(e) {
    var code = schoolAt(e);
    /** @type {Mark | undefined | null} */
    var info = code ? { kind: 'school', code: code } : e.target && tipOf.get(e.target);
    if (!info || !state || !panel.hidden) { tooltip.hidden = true; return; }
    clear(tooltip);
    if (info.kind === 'school') {
      var s = schoolByCode[info.code];
      tag('strong', null, s.code + ' ' + s.name, tooltip);
      tag('div', null, [s.town, s.kind, s.technical ? t('technicalProfile') : t('noTechnicalProfile')].filter(Boolean).join(' · '), tooltip);
      tag('div', 'muted', s.regions.length ? t('clickToMove', { regions: s.regions.join(', ') }) : t('clickToAdd'), tooltip);
    } else {
      var r = regionById[info.id];
      if (!r) { tooltip.hidden = true; return; }
      tag('strong', null, r.figures.id + ' ' + r.figures.name, tooltip);
      tag('div', null, t('regionTip', { schools: words.count(r.figures.schools.length, 'school'), share: words.pct(r.figures.technicalShare),
                                      budget: words.euro(r.figures.budgetEUR, r.figures.budgetRangeEUR) }), tooltip);
    }
    mapView.placeTip(e, wrap);
  }

  // ---- undo, redo, save, saved scenarios --------------------------------------------------------
  $('undo').addEventListener('click', function () { change('POST', '/api/undo', undefined, t('undoneNote', { edit: state.editTexts[state.editTexts.length - 1] })); });
  $('redo').addEventListener('click', function () { change('POST', '/api/redo', undefined, t('redoneNote', { edit: state.redoTexts[0] })); });
  document.addEventListener('keydown', function (e) {
    var t = /** @type {HTMLElement} */ (e.target);
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape') { if (t === filter) { filter.value = ''; applyFilter(); } closePanel(); }
      return;
    }
    var mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'z' || e.key === 'Z') && !e.shiftKey) { e.preventDefault(); if (!button('undo').disabled) button('undo').click(); }
    else if (mod && ((e.key === 'z' || e.key === 'Z') && e.shiftKey || e.key === 'y')) { e.preventDefault(); if (!button('redo').disabled) button('redo').click(); }
    else if (e.key === 'Escape') { closePanel(); select(null); }
    else if (e.key === '+' || e.key === '=') mapView.zoomCentre(1.6);
    else if (e.key === '-') mapView.zoomCentre(1 / 1.6);
  });

  $('save-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = /** @type {HTMLInputElement} */ ($('save-name')), name = input.value.trim();
    if (!name) { showMessage(t('nameFirst')); return; }
    if (busy) return;
    setBusy(true);
    api('POST', '/api/scenarios', { name: name }).then(function (/** @type {SavedScenarioJSON} */ saved) {
      showMessage(t('savedNote', { name: saved.name, edits: words.count(saved.edits.length, 'edit') }), true);
      input.value = '';
      return Promise.all([loadScenarios(), api('GET', '/api/state').then(setState)]);
    }).catch(function (/** @type {Error} */ error) { showMessage(error.message); }).then(function () { setBusy(false); });
  });

  function loadScenarios() {
    return api('GET', '/api/scenarios').then(function (/** @type {ScenarioListJSON} */ answer) {
      scenarios = answer.scenarios;
      renderScenarios();
    }, function (/** @type {Error} */ error) { showMessage(error.message); });
  }
  function renderScenarios() {
    var ul = $('scenario-list');
    clear(ul);
    $('scenario-count').textContent = String(scenarios.length);
    if (!scenarios.length) tag('li', 'scenario-empty', t('noneSaved'), ul);
    scenarios.forEach(function (s) {
      var li = tag('li', 'scenario-item', null, ul);
      li.dataset.id = String(s.id);
      tag('span', 'name', s.name, li);
      var load = tag('button', 'load', t('load'), li);
      load.type = 'button';
      var file = tag('a', 'download', t('file'), li);
      file.href = s.file;
      file.setAttribute('download', '');
      file.title = t('downloadTitle');
      tag('span', 'when', new Date(s.createdAt).toLocaleString(words.language === 'nl' ? 'nl-NL' : 'en-GB') + ' · ' + words.count(s.edits.length, 'edit'), li);
      load.addEventListener('click', function () {
        var unsaved = state && state.edits.length && !state.scenarioName;
        if (unsaved && pendingLoad !== s.id) {
          pendingLoad = s.id;
          load.textContent = t('replaceUnsaved', { edits: words.count(state.edits.length, 'unsavedEdit') });
          return;
        }
        pendingLoad = null;
        change('POST', '/api/scenarios/' + s.id + '/load', undefined, t('loadedNote', { name: s.name })).then(function (ok) {
          if (ok) /** @type {HTMLDetailsElement} */ ($('scenarios-box')).open = false;
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
  }).catch(function (/** @type {Error} */ error) { showMessage(t('cannotLoad', { error: error.message })); });
})();
