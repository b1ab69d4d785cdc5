/**
 * The local CloudBase's shortcuts around mingo answer what mingo answers.
 *
 * It tests plain equality queries (`{_id}`, `{_id, version}`, `{openid}`) without
 * mingo: it must match exactly the documents mingo (MongoDB semantics) matches, whatever the field
 * holds (a scalar of another type, an array, a sub-document, a date, nothing), and step aside for
 * any query that is not plain equality.
 */
import fc from 'fast-check';
import { find, Query } from 'mingo';
import { plainEqualityTest, queryTest, topLevelProjection } from '../../local-cloud/src/db/query-fast-paths';

// a small pool of values, so that queries and documents meet often (a value of another type with
// the "same" look — '1' and 1, 0 and false — is there to be told apart)
const scalar = fc.constantFrom('a', '1', 1, 0, -0, 1.5, true, false, '');
const value = fc.oneof(
  scalar,
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxLength: 3 }),
  fc.record({ a: scalar }),
  fc.constant(new Date(1)),
);
const doc = fc.record({ _id: fc.constantFrom('x', 'y'), f: value, g: value }, { requiredKeys: ['_id'] });
const query = fc
  .record({ _id: fc.constantFrom('x', 'y', 1), f: scalar, g: scalar }, { requiredKeys: [] })
  .filter((q) => Object.keys(q).length > 0);

test('plain equality matches exactly what mingo matches', () => {
  const seen = { matched: 0, byArrayElement: 0, refused: 0 };
  fc.assert(
    fc.property(fc.array(doc, { maxLength: 8 }), query, (docs, q) => {
      const plain = plainEqualityTest(q);
      expect(plain).not.toBeNull();
      const mingo = new Query(q);
      for (const d of docs) {
        const expected = mingo.test(d);
        expect([q, d, plain!(d as never)]).toEqual([q, d, expected]);
        if (!expected) seen.refused++;
        else if (
          Object.entries(q).some(([k, v]) => Array.isArray((d as Record<string, unknown>)[k]) && v !== undefined)
        )
          seen.byArrayElement++;
        else seen.matched++;
      }
    }),
    { numRuns: 1000, seed: 9 },
  );
  // the generated cases reach every way of answering (with this seed: 29 plain matches, 9 by an array element)
  expect(seen.matched).toBeGreaterThan(15);
  expect(seen.byArrayElement).toBeGreaterThan(5);
  expect(seen.refused).toBeGreaterThan(50);
});

test('anything but plain equality on scalars goes to mingo', () => {
  for (const q of [
    {},
    { f: null },
    { f: { $gt: 1 } },
    { 'a.b': 1 },
    { $or: [{ f: 1 }] },
    { f: [1] },
    { f: new Date(1) },
    { f: NaN },
    { f: { a: 1 } },
  ]) {
    expect(plainEqualityTest(q as never)).toBeNull();
    const d = { _id: 'x', f: 2, a: { b: 1 } };
    expect(queryTest(q as never)(d as never)).toBe(new Query(q as never).test(d));
  }
});

// Projections: `.field({...})` lists of top-level fields are applied directly, on the page only.
const projection = fc.oneof(
  fc.dictionary(fc.constantFrom('_id', 'f', 'g', 'h'), fc.constantFrom(true, 1), { minKeys: 1 }),
  fc.dictionary(fc.constantFrom('_id', 'f', 'g', 'h'), fc.constantFrom(false, 0), { minKeys: 1 }),
  fc.record({ _id: fc.constantFrom(false, 0, true, 1), f: fc.constantFrom(true, 1) }),
  fc.record(
    { _id: fc.constantFrom(false, 0), f: fc.constantFrom(false, 0), g: fc.constantFrom(false, 0) },
    { requiredKeys: ['f'] },
  ),
);

test('a top-level projection keeps and drops exactly what mingo keeps and drops', () => {
  fc.assert(
    fc.property(fc.array(doc, { maxLength: 5 }), projection, (docs, p) => {
      const project = topLevelProjection(p);
      expect(project).not.toBeNull();
      const expected = find(docs, {}, p).all();
      expect(docs.map((d) => project!(d as never))).toEqual(expected);
    }),
    { numRuns: 500, seed: 10 },
  );
});

test('dotted, operator and mixed projections go to mingo', () => {
  for (const p of [{}, { 'f.a': 1 }, { f: 1, g: 0 }, { _id: 1, f: 0 }, { f: { $slice: 1 } }, { f: 'yes' }])
    expect(topLevelProjection(p as never)).toBeNull();
});
