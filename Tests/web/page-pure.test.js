// Unit tests of the pages' pure functions (Sources/RegioWebAssets/Web/page-pure.js) under node's own test
// runner: `node --test Tests/web/` (run by `make test`). The file is a plain browser script; it is loaded
// here as the browser loads it, as a classic script in this global scope.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const file = path.join(__dirname, '../../Sources/RegioWebAssets/Web/page-pure.js');
vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
const { int, pct, plural, euro, signed, hexToRgb, darker, shareColor, SHARE_RAMP, NO_SHARE_COLOR,
        viewScale, fittedView, labelOffsets, LABEL_LINE_PX } = globalThis;

test('int groups thousands with commas and rounds', () => {
  assert.equal(int(0), '0');
  assert.equal(int(999), '999');
  assert.equal(int(1000), '1,000');
  assert.equal(int(1234567.4), '1,234,567');
  assert.equal(int(1234567.5), '1,234,568');
  assert.equal(int(-1234), '-1,234');
});

test('pct gives one decimal and n/a without a share', () => {
  assert.equal(pct(0.1234), '12.3 %');
  assert.equal(pct(0), '0.0 %');
  assert.equal(pct(1), '100.0 %');
  assert.equal(pct(null), 'n/a');
  assert.equal(pct(undefined), 'n/a');
});

test('plural: singular for one only, grouped counts', () => {
  assert.equal(plural(1, 'school'), '1 school');
  assert.equal(plural(0, 'school'), '0 schools');
  assert.equal(plural(2, 'error'), '2 errors');
  assert.equal(plural(1250, 'region'), '1,250 regions');
});

test('euro and signed changes', () => {
  assert.equal(euro(1234567), '€ 1,234,567');
  // A techniekarm region: no amount, the programme's separate range.
  assert.equal(euro(null, [600000, 4000000]), '€ 600,000–4,000,000 for four years');
  assert.equal(euro(undefined), 'n/a');
  assert.equal(signed(12), '+12');
  assert.equal(signed(-3), '−3');  // a minus sign, not a hyphen
  assert.equal(signed(0), '±0');
  assert.equal(signed(-2500, euro), '−€ 2,500');
  assert.equal(signed(1.25, (v) => v.toFixed(1)), '+1.3');
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
