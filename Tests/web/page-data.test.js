// The types of the JSON the page scripts read (Tests/web/page-data.d.ts) name only fields that the published
// schemas (docs/schema/*.schema.json) name, and follow them: every field a type requires, its schema requires
// too. tsc --strict holds the scripts to these types, so a field renamed in a writer cannot leave a page
// silently reading nothing. Run by `node --test Tests/web/` (`make test`).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '../..');
const schemas = fs.readdirSync(path.join(root, 'docs/schema')).filter((f) => f.endsWith('.schema.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(root, 'docs/schema', f), 'utf8')));

/** Every object definition of the schemas (with `properties`), wherever it sits. */
function objects(node, out) {
  if (Array.isArray(node)) node.forEach((n) => objects(n, out));
  else if (node && typeof node === 'object') {
    if (node.properties && typeof node.properties === 'object') out.push(node);
    Object.values(node).forEach((n) => objects(n, out));
  }
  return out;
}
const definitions = schemas.flatMap((s) => objects(s, []));

/** The interfaces of page-data.d.ts: name → { field → optional }. */
function interfaces() {
  const text = fs.readFileSync(path.join(__dirname, 'page-data.d.ts'), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
  const out = {};
  for (const m of text.matchAll(/interface (\w+) \{([^}]*)\}/g)) {
    out[m[1]] = {};
    for (const f of m[2].matchAll(/(\w+)(\??):/g)) out[m[1]][f[1]] = f[2] === '?';
  }
  return out;
}

test('page-data.d.ts types only fields of the schemas, optional where the schemas do not require them', () => {
  const types = interfaces();
  assert.ok(Object.keys(types).length >= 10, 'the interfaces are read');
  for (const [name, fields] of Object.entries(types)) {
    const names = Object.keys(fields);
    // The schema object whose properties hold every field of the type.
    const matches = definitions.filter((d) => names.every((f) => f in d.properties));
    assert.ok(matches.length > 0, `${name}: no schema object has all of ${names.join(', ')}`);
    for (const [field, optional] of Object.entries(fields)) {
      if (optional) continue;
      assert.ok(matches.some((d) => (d.required || []).includes(field)),
                `${name}.${field} is required in the type but not in the schema`);
    }
  }
});
