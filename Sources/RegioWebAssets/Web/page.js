// What the pages regio writes (`regio map`) and serves (`regio serve`) share on the DOM: element builders,
// the map view (pan, zoom, tooltip placement) and the region labels. Each page inlines it after
// page-pure.js and before its own script; everything a function here needs comes in as a parameter.
'use strict';

var SVG_NS = 'http' + '://www.w3.org/2000/svg';  // the SVG namespace name, not a resource

/**
 * An SVG element with its attributes (those that are null or undefined left out), appended to `parent`.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} name
 * @param {Object<string, string | number | null | undefined>} attrs
 * @param {Element} [parent]
 * @returns {SVGElementTagNameMap[K]}
 */
function node(name, attrs, parent) {
  var e = /** @type {SVGElementTagNameMap[K]} */ (document.createElementNS(SVG_NS, name));
  for (var k in attrs) { if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, String(attrs[k])); }
  if (parent) parent.appendChild(e);
  return e;
}

/**
 * An HTML element with a class and a text (each may be null), appended to `parent`.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} name
 * @param {string | null} className
 * @param {string | number | null} [text]
 * @param {Element} [parent]
 * @returns {HTMLElementTagNameMap[K]}
 */
function tag(name, className, text, parent) {
  var e = document.createElement(name);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (parent) parent.appendChild(e);
  return e;
}

/** The narrowest view, map units (1.5 km). */
var MIN_VIEW_WIDTH = 150;

/**
 * @typedef {object} MapViewOptions
 * @property {SVGSVGElement} svg the map
 * @property {HTMLElement} tooltip hidden while dragging and when the pointer leaves the map
 * @property {{ width: number, height: number }} frame the whole map, map units
 * @property {() => Size | null} [cover] what hides the lower left corner of the map now (pixels), if anything
 * @property {(u: number, rescaled: boolean) => void} viewChanged after every change of the view, with the map
 *   units per pixel and whether they changed
 * @property {(e: PointerEvent) => void} hover the pointer moves over the map without dragging
 * @property {(target: EventTarget | null, e: PointerEvent) => void} click a press and release without a drag
 */

/**
 * @typedef {object} MapView what a page does with its map view
 * @property {() => number} scale the map units per pixel of the last view shown; 0 before the first
 * @property {() => boolean} canZoomIn whether the view can zoom in further
 * @property {() => boolean} canZoomOut whether the view can zoom out further
 * @property {(factor: number) => void} zoomCentre zooms by `factor` (above 1: in) around the centre
 * @property {() => void} goHome shows the whole map
 * @property {(box: Box, pad: number) => void} show shows `box` (map units) whole, `pad` pixels from the edges
 * @property {() => void} resized keeps the centre and the scale when the map changes size; the whole map stays whole
 * @property {(e: MouseEvent, container: Element) => void} placeTip shows the tooltip (filled by the page)
 *   beside the pointer, inside `container`, where it is positioned
 * @property {(clientX: number, clientY: number) => Point} toMap the map position (map units) of a point on
 *   the screen (pixels of the window)
 */

/**
 * The map view: drag pans, and the wheel and the `#zoom-in`, `#zoom-out` and `#zoom-reset` buttons zoom, by
 * changing the SVG's viewBox (map units, from ``MIN_VIEW_WIDTH`` to 3 times the whole map wide). It sets the
 * CSS variable `--u` on the SVG to the map units per pixel, so marks keep their size on screen.
 * @param {MapViewOptions} options
 * @returns {MapView}
 */
function createMapView(options) {
  var svg = options.svg, tooltip = options.tooltip;
  var frameBox = { x: 0, y: 0, w: options.frame.width, h: options.frame.height };
  /** @type {Box} */
  var view = { x: 0, y: 0, w: frameBox.w, h: frameBox.h };
  var home = view;
  var lastU = 0;
  var atHome = true;

  /** @returns {Size} pixels */
  function viewport() {
    var box = svg.getBoundingClientRect();
    return { w: box.width || 1000, h: box.height || 700 };
  }
  function unitsPerPixel() { return viewScale(view, viewport()); }
  /** @param {Box} box @param {number} pad */
  function fitted(box, pad) { return fittedView(box, pad, viewport(), MIN_VIEW_WIDTH, options.cover ? options.cover() : null); }
  function applyView() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map(function (v) { return Math.round(v * 100) / 100; }).join(' '));
    var u = unitsPerPixel();
    svg.style.setProperty('--u', u.toFixed(4));
    var rescaled = Math.abs(u - lastU) > 1e-9;
    if (rescaled) lastU = u;
    options.viewChanged(u, rescaled);
  }
  /** @param {number} clientX @param {number} clientY @returns {Point} */
  function toUser(clientX, clientY) {
    var p = svg.createSVGPoint(); p.x = clientX; p.y = clientY;
    // The map is on screen while it gets pointer events, so it has a screen transform.
    return p.matrixTransform(/** @type {DOMMatrix} */ (svg.getScreenCTM()).inverse());
  }
  /** @param {number} factor @param {number} ux @param {number} uy */
  function zoomAt(factor, ux, uy) {
    var w = Math.max(MIN_VIEW_WIDTH, Math.min(home.w * 3, view.w / factor)), k = w / view.w;
    view = { x: ux - (ux - view.x) * k, y: uy - (uy - view.y) * k, w: w, h: view.h * k };
    atHome = false;
    applyView();
  }
  /** @param {number} factor */
  function zoomCentre(factor) { zoomAt(factor, view.x + view.w / 2, view.y + view.h / 2); }
  function goHome() { home = fitted(frameBox, 16); view = { x: home.x, y: home.y, w: home.w, h: home.h }; atHome = true; applyView(); }
  /** @param {Box} box map units @param {number} pad pixels */
  function show(box, pad) { view = fitted(box, pad); atHome = false; applyView(); }
  // Keeps the centre and the scale when the map changes size (printing included); the whole map stays whole.
  function resized() {
    if (atHome) { goHome(); return; }
    var u = unitsPerPixel(), vp = viewport();
    var cx = view.x + view.w / 2, cy = view.y + view.h / 2;
    home = fitted(frameBox, 16);
    view = { x: cx - vp.w * u / 2, y: cy - vp.h * u / 2, w: vp.w * u, h: vp.h * u };
    applyView();
  }

  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var dy = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    var p = toUser(e.clientX, e.clientY);
    zoomAt(Math.exp(-dy * 0.0018), p.x, p.y);
  }, { passive: false });

  /** @type {{ id: number, cx: number, cy: number, vx: number, vy: number, u: number, moved: boolean, target: EventTarget | null } | null} */
  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    drag = { id: e.pointerId, cx: e.clientX, cy: e.clientY, vx: view.x, vy: view.y, u: unitsPerPixel(),
             moved: false, target: e.target };
  });
  svg.addEventListener('pointermove', function (e) {
    if (drag && e.pointerId === drag.id) {
      var dx = e.clientX - drag.cx, dy = e.clientY - drag.cy;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        svg.setPointerCapture(e.pointerId);
        svg.classList.add('dragging');
        tooltip.hidden = true;
      }
      if (drag.moved) { view.x = drag.vx - dx * drag.u; view.y = drag.vy - dy * drag.u; atHome = false; applyView(); }
      return;
    }
    options.hover(e);
  });
  /** @param {PointerEvent} e */
  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) return;
    var d = drag; drag = null;
    svg.classList.remove('dragging');
    if (!d.moved && e.type === 'pointerup') options.click(d.target, e);
  }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('pointerleave', function () { tooltip.hidden = true; });

  /** @param {string} id */
  function button(id) { return /** @type {HTMLButtonElement} */ (document.getElementById(id)); }
  button('zoom-in').addEventListener('click', function () { zoomCentre(1.6); });
  button('zoom-out').addEventListener('click', function () { zoomCentre(1 / 1.6); });
  button('zoom-reset').addEventListener('click', goHome);

  return {
    scale: function () { return lastU; },
    canZoomIn: function () { return view.w > MIN_VIEW_WIDTH * 1.01; },
    canZoomOut: function () { return view.w < home.w * 2.99; },
    zoomCentre: zoomCentre,
    goHome: goHome,
    show: show,
    resized: resized,
    toMap: toUser,
    placeTip: function (e, container) {
      tooltip.hidden = false;
      var box = container.getBoundingClientRect();
      var x = e.clientX - box.left + 14, y = e.clientY - box.top + 14;
      if (x + tooltip.offsetWidth > box.width - 6) x = e.clientX - box.left - tooltip.offsetWidth - 14;
      if (y + tooltip.offsetHeight > box.height - 6) y = e.clientY - box.top - tooltip.offsetHeight - 14;
      tooltip.style.left = Math.max(4, x) + 'px';
      tooltip.style.top = Math.max(4, y) + 'px';
    },
  };
}

/**
 * @typedef {object} RegionLabel a region's label on the map
 * @property {SVGTextElement} text the element, its text the region id
 * @property {string} id the region id
 * @property {number} x map units
 * @property {number} y map units
 * @property {number} area the territory's area
 * @property {boolean} selected
 */

/**
 * A function that places region labels at a scale (map units per pixel) with ``labelOffsets``: it moves
 * each label by its offset (its `dy`) or hides it (class `hidden`). It measures each label's width once, the
 * first time it sees its region id (the font size follows the zoom, so the width on screen stays).
 * @returns {(labels: RegionLabel[], u: number) => void}
 */
function labelPlacer() {
  /** @type {Object<string, number>} region id → width, pixels */
  var widthPx = {};
  return function (labels, u) {
    labels.forEach(function (l) {
      if (widthPx[l.id] !== undefined) return;
      l.text.setAttribute('dy', '0'); l.text.classList.remove('hidden');
      var w = l.text.getBBox().width;
      widthPx[l.id] = w > 0 ? w / u : 7 * l.id.length;
    });
    var offsets = labelOffsets(labels.map(function (l) {
      return { x: l.x, y: l.y, widthPx: widthPx[l.id], area: l.area, selected: l.selected };
    }), u);
    labels.forEach(function (l, i) {
      var offset = offsets[i];
      l.text.classList.toggle('hidden', offset === null);
      if (offset !== null) l.text.setAttribute('dy', String(offset * LABEL_LINE_PX * u));
    });
  };
}

/**
 * Puts the page's words into its HTML: an element with `data-text="key"` gets the text `key` of ``STRINGS``
 * (strings.js) in the page's language; `data-title`, `data-placeholder` and `data-label` set the attributes
 * `title`, `placeholder` and `aria-label`. The page's `lang` attribute becomes the language.
 * @param {Words} words
 */
function translatePage(words) {
  document.documentElement.lang = words.language;
  /** @type {[string, (e: HTMLElement, text: string) => void][]} */
  var kinds = [
    ['text', function (e, text) { e.textContent = text; }],
    ['title', function (e, text) { e.title = text; }],
    ['placeholder', function (e, text) { e.setAttribute('placeholder', text); }],
    ['label', function (e, text) { e.setAttribute('aria-label', text); }],
  ];
  kinds.forEach(function (kind) {
    /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-' + kind[0] + ']')).forEach(function (e) {
      var key = /** @type {TextKey} */ (e.getAttribute('data-' + kind[0]));
      if (STRINGS[words.language][key] !== undefined) kind[1](e, words.t(key));
    });
  });
}
