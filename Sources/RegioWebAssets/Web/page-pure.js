// Pure functions of the pages regio writes (`regio map`) and serves (`regio serve`): number formats,
// colours, the view that fits a box, and where region labels go. No DOM and no state: everything comes in
// as an argument.
//
// A plain script, not a module: each page inlines it first, before page.js and its own script, so its
// functions are globals there. Node's tests (Tests/web) load it the same way, with vm.runInThisContext.
'use strict';

// ---- numbers and words -----------------------------------------------------------------------------

/**
 * A whole number with its thousands separated by commas: 1234567.4 → "1,234,567".
 * @param {number} n
 * @returns {string}
 */
function int(n) { return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

/**
 * A share (0 to 1) as a percentage with one decimal: 0.1234 → "12.3 %"; no share → "n/a".
 * @param {number | null | undefined} share
 * @returns {string}
 */
function pct(share) { return share === null || share === undefined ? 'n/a' : (share * 100).toFixed(1) + ' %'; }

/**
 * A count with its noun: "1 school", "0 schools", "1,250 schools" (regular English plurals only).
 * @param {number} n
 * @param {string} word the singular
 * @returns {string}
 */
function plural(n, word) { return int(n) + ' ' + word + (n === 1 ? '' : 's'); }

/**
 * An amount in euros, whole: 1234567 → "€ 1,234,567". A techniekarm region has no amount (`null`) but the
 * programme's separate range for four years: [600000, 4000000] → "€ 600,000–4,000,000 for four years".
 * @param {number | null | undefined} n EUR
 * @param {number[] | null} [range] EUR, [lowest, highest], shown when `n` is absent
 * @returns {string}
 */
function euro(n, range) {
  if (n == null) return range ? '€ ' + int(range[0]) + '–' + int(range[1]) + ' for four years' : 'n/a';
  return '€ ' + int(n);
}

/**
 * A change with its sign: +12, −3 (a minus sign, not a hyphen), ±0.
 * @param {number} n
 * @param {(magnitude: number) => string} [show] formats the magnitude; ``int`` when left out
 * @returns {string}
 */
function signed(n, show) { return (n > 0 ? '+' : n < 0 ? '−' : '±') + (show || int)(Math.abs(n)); }

// ---- colours ---------------------------------------------------------------------------------------

/**
 * The red, green and blue (0 to 255) of a colour written "#rrggbb".
 * @param {string} hex
 * @returns {number[]}
 */
function hexToRgb(hex) { return [1, 3, 5].map(function (i) { return parseInt(hex.substr(i, 2), 16); }); }

/**
 * A region's colour mixed with black (62 % of each channel), for its school dots: they stand out on
 * their own territory.
 * @param {string} hex "#rrggbb"
 * @returns {string} "rgb(r,g,b)"
 */
function darker(hex) { return 'rgb(' + hexToRgb(hex).map(function (v) { return Math.round(v * 0.62); }).join(',') + ')'; }

/** Sequential YlGnBu (ColorBrewer) for the technical share, light = low share. */
var SHARE_RAMP = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'];
/** The fill of a region without counted pupils (no share). */
var NO_SHARE_COLOR = '#cfd4da';

/**
 * The fill for a technical share: ``SHARE_RAMP`` interpolated linearly, from 0 to `scaleMax` (shares above
 * it take the darkest colour).
 * @param {number | null | undefined} share 0 to 1, or none
 * @param {number} scaleMax the share at the dark end of the ramp
 * @returns {string} "rgb(r,g,b)", or ``NO_SHARE_COLOR``
 */
function shareColor(share, scaleMax) {
  if (share === null || share === undefined) return NO_SHARE_COLOR;
  var t = Math.max(0, Math.min(1, share / scaleMax)) * (SHARE_RAMP.length - 1);
  var i = Math.min(SHARE_RAMP.length - 2, Math.floor(t)), f = t - i;
  var a = hexToRgb(SHARE_RAMP[i]), b = hexToRgb(SHARE_RAMP[i + 1]);
  return 'rgb(' + a.map(function (v, k) { return Math.round(v + (b[k] - v) * f); }).join(',') + ')';
}

// ---- the view --------------------------------------------------------------------------------------

/** @typedef {{ x: number, y: number, w: number, h: number }} Box a rectangle: left, top, width, height */
/** @typedef {{ w: number, h: number }} Size a width and a height */

/**
 * Map units per screen pixel when `view` (map units) is shown in `viewport` (pixels): the SVG keeps the
 * aspect ratio (`preserveAspectRatio="xMidYMid meet"`), so the tighter of the two directions sets it.
 * @param {Box} view
 * @param {Size} viewport
 * @returns {number}
 */
function viewScale(view, viewport) { return Math.max(view.w / viewport.w, view.h / viewport.h); }

/**
 * The view (map units, with the viewport's aspect ratio) that shows `box` whole, `pad` pixels from the
 * edges, no narrower than `minWidth`. When `cover` (pixels) hides the lower left corner (a legend), the
 * box goes right of it or above it if that costs at most 30 % of the scale.
 * @param {Box} box map units
 * @param {number} pad pixels
 * @param {Size} viewport pixels
 * @param {number} minWidth map units
 * @param {Size | null} [cover] pixels, from the lower left corner; nothing covered when left out
 * @returns {Box}
 */
function fittedView(box, pad, viewport, minWidth, cover) {
  var areas = [{ x: 0, y: 0, w: viewport.w, h: viewport.h }];
  if (cover && cover.w) {
    areas.push({ x: cover.w, y: 0, w: viewport.w - cover.w, h: viewport.h },
               { x: 0, y: 0, w: viewport.w, h: viewport.h - cover.h });
  }
  /** @param {Box} a */
  function scale(a) {
    return Math.max(box.w / Math.max(50, a.w - 2 * pad), box.h / Math.max(50, a.h - 2 * pad), minWidth / viewport.w);
  }
  var best = areas[0], u = scale(best), limit = u * 1.3;
  areas.slice(1).forEach(function (a) { var v = scale(a); if (v <= limit && (best === areas[0] || v < u)) { best = a; u = v; } });
  var cx = best.x + best.w / 2, cy = best.y + best.h / 2;
  return { x: box.x + box.w / 2 - cx * u, y: box.y + box.h / 2 - cy * u, w: viewport.w * u, h: viewport.h * u };
}

// ---- labels ----------------------------------------------------------------------------------------

/** The distance between a label's possible places, pixels. */
var LABEL_LINE_PX = 15;

/**
 * @typedef {object} LabelSpot a region label to place
 * @property {number} x map units, the middle of the label
 * @property {number} y map units
 * @property {number} widthPx the label's width on screen
 * @property {number} area the territory's area (any unit): larger territories keep their place first
 * @property {boolean} selected selected labels go first and are never hidden
 */

/**
 * Where each label goes at the scale `u`: in its place (0), or one or two lines (``LABEL_LINE_PX``) below
 * (1, 2) or above (−1, −2), or hidden (null) until the map is zoomed in. The selected labels and then those
 * of larger territories are placed first; a label takes the first of 0, 1, −1, 2, −2 where it overlaps no
 * placed one. A selected label that fits nowhere stays in its place.
 * @param {LabelSpot[]} labels
 * @param {number} u map units per pixel
 * @returns {(number | null)[]} the offset in lines of each label, in the order of `labels`
 */
function labelOffsets(labels, u) {
  var order = labels.map(function (_, i) { return i; }).sort(function (i, j) {
    var a = labels[i], b = labels[j];
    return a.selected !== b.selected ? (a.selected ? -1 : 1) : b.area - a.area;
  });
  /** @type {{ x: number, y: number, half: number }[]} */
  var placed = [];
  /** @type {(number | null)[]} */
  var offsets = labels.map(function () { return null; });
  var lineHeight = LABEL_LINE_PX * u;
  order.forEach(function (index) {
    var l = labels[index], half = (l.widthPx + 6) * u / 2;
    var tries = [0, 1, -1, 2, -2], chosen = null;
    for (var i = 0; i < tries.length && chosen === null; i++) {
      var cy = l.y + tries[i] * lineHeight;
      var clear = placed.every(function (p) { return Math.abs(p.x - l.x) >= p.half + half || Math.abs(p.y - cy) >= lineHeight; });
      if (clear) chosen = tries[i];
    }
    if (chosen === null && l.selected) chosen = 0;
    offsets[index] = chosen;
    if (chosen !== null) placed.push({ x: l.x, y: l.y + chosen * lineHeight, half: half });
  });
  return offsets;
}
