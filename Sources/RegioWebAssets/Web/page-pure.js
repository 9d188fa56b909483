// Pure functions of the pages regio writes (`regio map`) and serves (`regio serve`): number formats,
// colours, the view that fits a box, and where region labels go. No DOM and no state: everything comes in
// as an argument.
//
// A plain script, not a module: each page inlines it after strings.js (whose catalogue it reads) and before
// page.js and its own script, so its functions are globals there. Node's tests (Tests/web) load the two the
// same way, with vm.runInThisContext.
'use strict';

// ---- numbers and words -----------------------------------------------------------------------------

/** @typedef {'en' | 'nl'} Language a language the pages speak (``STRINGS`` of strings.js has its words) */

/**
 * The language of the page's data: `nl` or `en`, English for anything else.
 * @param {string | null | undefined} value
 * @returns {Language}
 */
function languageOf(value) { return value === 'nl' ? 'nl' : 'en'; }

/** The thousands separator and the decimal mark of each language: 1,234.5 in English, 1.234,5 in Dutch. */
var NUMBER_MARKS = { en: { group: ',', decimal: '.' }, nl: { group: '.', decimal: ',' } };

/**
 * A number with `digits` decimals and its thousands grouped: 1234.56 → "1,234.6" (en), "1.234,6" (nl).
 * @param {number} n
 * @param {number} digits decimals
 * @param {Language} language
 * @returns {string}
 */
function decimal(n, digits, language) {
  var marks = NUMBER_MARKS[language];
  var parts = Math.abs(n).toFixed(digits).split('.');
  var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, marks.group);
  var negative = n < 0 && Number(parts.join('.')) !== 0;
  return (negative ? '-' : '') + whole + (parts.length > 1 ? marks.decimal + parts[1] : '');
}

/**
 * A whole number with its thousands grouped: 1234567.4 → "1,234,567" (en), "1.234.567" (nl).
 * @param {number} n
 * @param {Language} language
 * @returns {string}
 */
function int(n, language) { return decimal(Math.round(n), 0, language); }

/**
 * A share (0 to 1) as a percentage with one decimal: 0.125 → "12.5 %" (en), "12,5 %" (nl); no share →
 * "n/a", "n.v.t.".
 * @param {number | null | undefined} share
 * @param {Language} language
 * @returns {string}
 */
function pct(share, language) {
  return share === null || share === undefined ? STRINGS[language].notAvailable : decimal(share * 100, 1, language) + ' %';
}

/**
 * A count with its noun, singular for one only: "1 school", "2 schools" (en); "1 school", "2 scholen" (nl).
 * @param {number} n
 * @param {Noun} noun
 * @param {Language} language
 * @returns {string}
 */
function count(n, noun, language) { return int(n, language) + ' ' + (n === 1 ? noun.one : noun.other); }

/**
 * An amount in euros, whole: 2199000 → "€2,199,000" (en), "€ 2.199.000" (nl). A techniekarm region has no
 * amount (`null`) but the programme's separate range for four years: [600000, 4000000] →
 * "€600,000–4,000,000 for four years".
 * @param {number | null | undefined} n EUR
 * @param {Language} language
 * @param {number[] | null} [range] EUR, [lowest, highest], shown when `n` is absent
 * @returns {string}
 */
function euro(n, language, range) {
  var sign = language === 'nl' ? '€ ' : '€';
  if (n == null) {
    return range ? sign + int(range[0], language) + '–' + int(range[1], language) + ' ' + STRINGS[language].forFourYears
      : STRINGS[language].notAvailable;
  }
  return sign + int(n, language);
}

/**
 * A distance in kilometres with one decimal: 2345 m → "2.3 km" (en), "2,3 km" (nl).
 * @param {number} metres
 * @param {Language} language
 * @returns {string}
 */
function kilometres(metres, language) { return decimal(metres / 1000, 1, language) + ' km'; }

/**
 * A change with its sign: +12, −3 (a minus sign, not a hyphen), ±0.
 * @param {number} n
 * @param {(magnitude: number) => string} show formats the magnitude
 * @returns {string}
 */
function signed(n, show) { return (n > 0 ? '+' : n < 0 ? '−' : '±') + show(Math.abs(n)); }

/** @typedef {{ [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue]} TextKey */
/** @typedef {{ [K in keyof Catalogue]: Catalogue[K] extends Noun ? K : never }[keyof Catalogue]} NounKey */

/**
 * The text `key` of `language`'s catalogue, each `{name}` in it replaced by `values[name]`: ("moved",
 * { school: "01AB01", region: "STO19001" }) → "Moved 01AB01 to STO19001.". A name without a value stays.
 * @param {Language} language
 * @param {TextKey} key
 * @param {Object<string, string | number>} [values]
 * @returns {string}
 */
function say(language, key, values) {
  return STRINGS[language][key].replace(/\{(\w+)\}/g, function (whole, name) {
    return values && values[name] !== undefined ? String(values[name]) : whole;
  });
}

/**
 * @typedef {object} Words a page's words and number formats in its language
 * @property {Language} language
 * @property {(key: TextKey, values?: Object<string, string | number>) => string} t a text (``say``)
 * @property {(n: number, noun: NounKey) => string} count a count with its noun (``count``)
 * @property {(n: number) => string} int
 * @property {(share: number | null | undefined) => string} pct
 * @property {(n: number | null | undefined, range?: number[] | null) => string} euro
 * @property {(metres: number) => string} km
 * @property {(n: number, digits: number) => string} decimal
 */

/**
 * The words and number formats of `language`, for a page to use throughout.
 * @param {Language} language
 * @returns {Words}
 */
function wordsOf(language) {
  return {
    language: language,
    t: function (key, values) { return say(language, key, values); },
    count: function (n, noun) { return count(n, STRINGS[language][noun], language); },
    int: function (n) { return int(n, language); },
    pct: function (share) { return pct(share, language); },
    euro: function (n, range) { return euro(n, language, range); },
    km: function (metres) { return kilometres(metres, language); },
    decimal: function (n, digits) { return decimal(n, digits, language); },
  };
}

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

// ---- nearness ----------------------------------------------------------------------------------------

/** @typedef {{ x: number, y: number }} Point a position, in any unit its caller keeps to */

/**
 * Which of `points` lies nearest to `at` (straight-line distance), provided it lies within `radius`; the
 * first of equally near ones. The page gives screen pixels, so a click picks the dot nearest to the pointer
 * at every zoom.
 * @param {Point[]} points
 * @param {Point} at
 * @param {number} radius in the unit of the points
 * @returns {number | null} its index in `points`; null when none lies within `radius`
 */
function nearestWithin(points, at, radius) {
  var best = null, bestDistance = radius;
  for (var i = 0; i < points.length; i++) {
    var d = Math.hypot(points[i].x - at.x, points[i].y - at.y);
    if (d < bestDistance || (d === bestDistance && best === null)) { best = i; bestDistance = d; }
  }
  return best;
}

/**
 * @typedef {object} RegionDistance a region and how far it lies
 * @property {string} id
 * @property {number | null} distance to its nearest school, in the unit of the points; null without a placed school
 */

/**
 * The regions nearest first, by the distance from `from` to each region's nearest school (its `points`);
 * regions without a placed school last; equal distances by id. For the planning page's "Move to" list.
 * @param {Point} from
 * @param {{ id: string, points: Point[] }[]} regions
 * @returns {RegionDistance[]}
 */
function nearestFirst(from, regions) {
  return regions.map(function (r) {
    var distance = r.points.reduce(function (/** @type {number | null} */ best, p) {
      var d = Math.hypot(p.x - from.x, p.y - from.y);
      return best === null || d < best ? d : best;
    }, null);
    return { id: r.id, distance: distance };
  }).sort(function (a, b) {
    if (a.distance !== b.distance) {
      if (a.distance === null) return 1;
      if (b.distance === null) return -1;
      return a.distance - b.distance;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
