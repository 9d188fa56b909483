// Unit tests of the pages' pure functions (Sources/RegioWebAssets/Web/page-pure.js) and their word catalogue
// (strings.js) under node's own test runner: `node --test Tests/web/` (run by `make test`). The files are
// plain browser scripts; they are loaded here as the browser loads them, as classic scripts in this global
// scope, in the pages' order.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

for (const name of ['strings.js', 'page-pure.js']) {
  const file = path.join(__dirname, '../../Sources/RegioWebAssets/Web', name);
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
}
const { STRINGS, languageOf, decimal, int, pct, count, euro, kilometres, signed, say, wordsOf, hexToRgb, darker,
        shareColor, SHARE_RAMP, NO_SHARE_COLOR, viewScale, fittedView, labelOffsets, LABEL_LINE_PX,
        nearestWithin, nearestFirst } = globalThis;

test('int groups thousands with commas in English, points in Dutch, and rounds', () => {
  assert.equal(int(0, 'en'), '0');
  assert.equal(int(999, 'en'), '999');
  assert.equal(int(1234, 'en'), '1,234');
  assert.equal(int(1234, 'nl'), '1.234');
  assert.equal(int(1234567.4, 'en'), '1,234,567');
  assert.equal(int(1234567.5, 'nl'), '1.234.568');
  assert.equal(int(-1234, 'en'), '-1,234');
  assert.equal(int(-1234, 'nl'), '-1.234');
  assert.equal(int(-0.4, 'en'), '0');
});

test('decimal: the decimal mark of the language, thousands grouped', () => {
  assert.equal(decimal(1234.56, 1, 'en'), '1,234.6');
  assert.equal(decimal(1234.56, 1, 'nl'), '1.234,6');
  assert.equal(decimal(0.04, 1, 'nl'), '0,0');
  assert.equal(decimal(-0.04, 1, 'en'), '0.0');
  assert.equal(decimal(-2.25, 2, 'nl'), '-2,25');
});

test('pct gives one decimal, as the issue asks: 12.5 % in English, 12,5 % in Dutch', () => {
  assert.equal(pct(0.125, 'en'), '12.5 %');
  assert.equal(pct(0.125, 'nl'), '12,5 %');
  assert.equal(pct(0.1234, 'en'), '12.3 %');
  assert.equal(pct(0, 'nl'), '0,0 %');
  assert.equal(pct(1, 'en'), '100.0 %');
  assert.equal(pct(null, 'en'), 'n/a');
  assert.equal(pct(undefined, 'nl'), 'n.v.t.');
});

test('count: singular for one only, in both languages, counts grouped', () => {
  const en = STRINGS.en, nl = STRINGS.nl;
  assert.equal(count(1, en.school, 'en'), '1 school');
  assert.equal(count(2, en.school, 'en'), '2 schools');
  assert.equal(count(0, en.school, 'en'), '0 schools');
  assert.equal(count(1, nl.school, 'nl'), '1 school');
  assert.equal(count(2, nl.school, 'nl'), '2 scholen');
  assert.equal(count(1, nl.error, 'nl'), '1 fout');
  assert.equal(count(3, nl.warning, 'nl'), '3 waarschuwingen');
  assert.equal(count(1250, en.region, 'en'), '1,250 regions');
  assert.equal(count(1250, nl.region, 'nl'), '1.250 regio’s');
});

test('euro, as the issue asks: €2,199,000 in English, € 2.199.000 in Dutch', () => {
  assert.equal(euro(2199000, 'en'), '€2,199,000');
  assert.equal(euro(2199000, 'nl'), '€ 2.199.000');
  assert.equal(euro(0, 'nl'), '€ 0');
  // A techniekarm region: no amount, the programme's separate range.
  assert.equal(euro(null, 'en', [600000, 4000000]), '€600,000–4,000,000 for four years');
  assert.equal(euro(null, 'nl', [600000, 4000000]), '€ 600.000–4.000.000 voor vier jaar');
  assert.equal(euro(undefined, 'en'), 'n/a');
  assert.equal(euro(undefined, 'nl'), 'n.v.t.');
});

test('kilometres with one decimal', () => {
  assert.equal(kilometres(2345, 'en'), '2.3 km');
  assert.equal(kilometres(2345, 'nl'), '2,3 km');
  assert.equal(kilometres(12345678, 'nl'), '12.345,7 km');
  assert.equal(kilometres(0, 'en'), '0.0 km');
});

test('signed changes: a minus sign, not a hyphen', () => {
  const en = (n) => int(n, 'en');
  assert.equal(signed(12, en), '+12');
  assert.equal(signed(-3, en), '−3');
  assert.equal(signed(0, en), '±0');
  assert.equal(signed(-2500, (v) => euro(v, 'en')), '−€2,500');
  assert.equal(signed(-2500, (v) => euro(v, 'nl')), '−€ 2.500');
  assert.equal(signed(1.25, (v) => decimal(v, 1, 'nl')), '+1,3');
});

test('languageOf: Dutch for nl only, English otherwise', () => {
  assert.equal(languageOf('nl'), 'nl');
  assert.equal(languageOf('en'), 'en');
  assert.equal(languageOf(undefined), 'en');
  assert.equal(languageOf('fr'), 'en');
});

test('the catalogues: the same keys in both languages, every text filled, nouns with both forms', () => {
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(STRINGS.nl), keys(STRINGS.en));
  for (const language of ['en', 'nl']) {
    for (const [key, value] of Object.entries(STRINGS[language])) {
      if (typeof value === 'string') {
        assert.ok(value.length > 0, `${language}.${key} is empty`);
        // The same placeholders in both languages.
        const names = (text) => (text.match(/\{\w+\}/g) || []).sort();
        assert.deepEqual(names(value), names(STRINGS.en[key]), `${language}.${key} takes the values of en.${key}`);
      } else {
        assert.ok(value.one && value.other, `${language}.${key} has a singular and a plural`);
      }
    }
  }
  // Dutch differs from English where the words do.
  assert.notEqual(STRINGS.nl.moveTo, STRINGS.en.moveTo);
});

test('say fills the values, and leaves a name without a value', () => {
  assert.equal(say('en', 'moved', { school: '01AB01', region: 'STO19001' }), 'Moved 01AB01 to STO19001.');
  assert.equal(say('nl', 'moved', { school: '01AB01', region: 'STO19001' }), '01AB01 verplaatst naar STO19001.');
  assert.equal(say('en', 'moved', { school: '01AB01' }), 'Moved 01AB01 to {region}.');
  assert.equal(say('nl', 'moveTarget', { id: 'STO19041', distance: kilometres(2300, 'nl') }), 'STO19041 · 2,3 km');
});

test('wordsOf: a page\'s words and formats in one language', () => {
  const nl = wordsOf('nl');
  assert.equal(nl.count(2, 'school'), '2 scholen');
  assert.equal(nl.euro(2199000), '€ 2.199.000');
  assert.equal(nl.pct(0.125), '12,5 %');
  assert.equal(nl.int(1234), '1.234');
  assert.equal(nl.km(2300), '2,3 km');
  assert.equal(nl.t('findingsOf', { id: 'STO19001' }), 'Bevindingen van STO19001');
  const en = wordsOf('en');
  assert.equal(en.count(1, 'school'), '1 school');
  assert.equal(en.euro(2199000), '€2,199,000');
  assert.equal(en.pct(0.125), '12.5 %');
  assert.equal(en.int(1234), '1,234');
});

test('nearestWithin picks the nearest point within the radius, not the first drawn', () => {
  const points = [{ x: 0, y: 0 }, { x: 6, y: 0 }, { x: 3, y: 4 }];
  assert.equal(nearestWithin(points, { x: 5, y: 0 }, 8), 1);
  assert.equal(nearestWithin(points, { x: 3, y: 3 }, 8), 2);
  assert.equal(nearestWithin(points, { x: 1, y: 0 }, 8), 0);
  // Nothing within the radius.
  assert.equal(nearestWithin(points, { x: 40, y: 40 }, 8), null);
  assert.equal(nearestWithin([], { x: 0, y: 0 }, 8), null);
  // Equally near: the first.
  assert.equal(nearestWithin([{ x: -1, y: 0 }, { x: 1, y: 0 }], { x: 0, y: 0 }, 8), 0);
});

test('nearestFirst orders regions by their nearest school, those without one last, ties by id', () => {
  const from = { x: 0, y: 0 };
  const regions = [
    { id: 'A', points: [{ x: 100, y: 0 }, { x: 30, y: 40 }] },  // nearest school 50 away
    { id: 'B', points: [] },                                    // no placed school
    { id: 'C', points: [{ x: 0, y: 20 }] },                     // 20
    { id: 'D', points: [{ x: 0, y: -50 }] },                    // 50, ties with A
  ];
  assert.deepEqual(nearestFirst(from, regions), [
    { id: 'C', distance: 20 }, { id: 'A', distance: 50 }, { id: 'D', distance: 50 }, { id: 'B', distance: null },
  ]);
});

test('hexToRgb and darker', () => {
  assert.deepEqual(hexToRgb('#ff8000'), [255, 128, 0]);
  assert.deepEqual(hexToRgb('#0c2c84'), [12, 44, 132]);
  assert.equal(darker('#ffffff'), 'rgb(158,158,158)');  // 255 × 0.62 = 158.1
  assert.equal(darker('#000000'), 'rgb(0,0,0)');
});

test('shareColor runs along the ramp from 0 to the scale maximum', () => {
  const rgb = (hex) => 'rgb(' + hexToRgb(hex).join(',') + ')';
  assert.equal(shareColor(null, 0.5), NO_SHARE_COLOR);
  assert.equal(shareColor(undefined, 0.5), NO_SHARE_COLOR);
  assert.equal(shareColor(0, 0.5), rgb(SHARE_RAMP[0]));
  assert.equal(shareColor(0.5, 0.5), rgb(SHARE_RAMP[SHARE_RAMP.length - 1]));
  // Above the maximum and below zero: the ends.
  assert.equal(shareColor(0.9, 0.5), rgb(SHARE_RAMP[SHARE_RAMP.length - 1]));
  assert.equal(shareColor(-0.1, 0.5), rgb(SHARE_RAMP[0]));
  // Exactly on the second stop (1/6 of the scale), and halfway between the first two.
  assert.equal(shareColor(0.5 / 6, 0.5), rgb(SHARE_RAMP[1]));
  const a = hexToRgb(SHARE_RAMP[0]), b = hexToRgb(SHARE_RAMP[1]);
  const half = 'rgb(' + a.map((v, k) => Math.round((v + b[k]) / 2)).join(',') + ')';
  assert.equal(shareColor(0.5 / 12, 0.5), half);
});

test('viewScale takes the tighter direction', () => {
  assert.equal(viewScale({ x: 0, y: 0, w: 2000, h: 1000 }, { w: 1000, h: 1000 }), 2);
  assert.equal(viewScale({ x: 0, y: 0, w: 1000, h: 3000 }, { w: 1000, h: 1000 }), 3);
});

test('fittedView centres the box, keeps the viewport aspect and the padding', () => {
  const vp = { w: 1000, h: 500 };
  const v = fittedView({ x: 100, y: 200, w: 900, h: 900 }, 50, vp, 150);
  // The height decides: 900 units over 500 − 2 × 50 pixels.
  const u = 900 / 400;
  assert.equal(v.w, 1000 * u);
  assert.equal(v.h, 500 * u);
  assert.equal(v.x + v.w / 2, 100 + 450);
  assert.equal(v.y + v.h / 2, 200 + 450);
  // The scale of the result in the viewport is the one that fits.
  assert.equal(viewScale(v, vp), u);
});

test('fittedView never zooms in past the narrowest view', () => {
  const v = fittedView({ x: 0, y: 0, w: 10, h: 10 }, 16, { w: 1000, h: 700 }, 150);
  assert.equal(v.w, 150);
});

test('fittedView moves the box beside a legend when that costs little, not when it costs much', () => {
  const vp = { w: 1000, h: 800 };
  const box = { x: 0, y: 0, w: 400, h: 800 };  // tall: room to its right
  const plain = fittedView(box, 0, vp, 1);
  const beside = fittedView(box, 0, vp, 1, { w: 200, h: 300 });
  assert.equal(beside.w, plain.w, 'the same scale: the height decides both');
  // The box is centred in the area right of the legend (200 to 1000 pixels), not in the whole viewport.
  const u = beside.w / vp.w;
  assert.equal((box.x + box.w / 2 - beside.x) / u, 600);
  assert.equal((box.x + box.w / 2 - plain.x) / u, 500);
  // A wide box loses more than 30 % of its scale right of a wide legend and above a tall one: it stays put.
  const wide = { x: 0, y: 0, w: 1000, h: 400 };
  const stays = fittedView(wide, 0, vp, 1, { w: 600, h: 700 });
  assert.deepEqual(stays, fittedView(wide, 0, vp, 1));
});

test('labelOffsets keeps apart labels that overlap, larger territories first', () => {
  const u = 1;  // one map unit per pixel: lines are LABEL_LINE_PX units apart
  const labels = [
    { x: 0, y: 0, widthPx: 40, area: 10, selected: false },
    { x: 10, y: 0, widthPx: 40, area: 50, selected: false },   // overlaps the first; larger
    { x: 500, y: 0, widthPx: 40, area: 1, selected: false },   // far away
  ];
  assert.deepEqual(labelOffsets(labels, u), [1, 0, 0]);
});

test('labelOffsets tries a line below, above, two below, two above, then hides', () => {
  const same = (area) => ({ x: 0, y: 0, widthPx: 40, area: area, selected: false });
  const labels = [same(6), same(5), same(4), same(3), same(2), same(1)];
  assert.deepEqual(labelOffsets(labels, 1), [0, 1, -1, 2, -2, null]);
});

test('labelOffsets puts a selected label first and never hides it', () => {
  const same = (area, selected) => ({ x: 0, y: 0, widthPx: 40, area: area, selected: selected });
  const labels = [same(6, false), same(5, false), same(4, false), same(3, false), same(2, false), same(1, true)];
  assert.deepEqual(labelOffsets(labels, 1), [1, -1, 2, -2, null, 0]);
});

test('labelOffsets scales with the zoom: labels far apart on screen stay in place', () => {
  const labels = [
    { x: 0, y: 0, widthPx: 40, area: 2, selected: false },
    { x: 100, y: 0, widthPx: 40, area: 1, selected: false },
  ];
  // At 1 unit per pixel the labels are 100 pixels apart (40 wide each): both in place.
  assert.deepEqual(labelOffsets(labels, 1), [0, 0]);
  // At 4 units per pixel they are 25 pixels apart: the smaller moves a line down.
  assert.deepEqual(labelOffsets(labels, 4), [0, 1]);
  // Vertically: a full line apart is apart.
  const stacked = [
    { x: 0, y: 0, widthPx: 40, area: 2, selected: false },
    { x: 0, y: LABEL_LINE_PX, widthPx: 40, area: 1, selected: false },
  ];
  assert.deepEqual(labelOffsets(stacked, 1), [0, 0]);
});
