/**
 * The local CloudBase's fast route for `[$match] $group` report pipelines must answer exactly what
 * mingo (MongoDB semantics) answers, and step aside for anything it does not handle.
 */
import fc from 'fast-check';
import { Aggregator } from 'mingo';
import { groupFastPath } from '../../local-cloud/src/db/group-fast-path';

const doc = fc.record(
  {
    _id: fc.uuid(),
    unit: fc.constantFrom('a', 'b', null, undefined),
    k: fc.record({ m: fc.constantFrom('2026-01', '2026-02'), y: fc.constant('2026') }, { requiredKeys: ['y'] }),
    n: fc.record(
      {
        x: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('7'), fc.constant(null)),
        y: fc.double({ min: 0, max: 10, noNaN: true }),
      },
      { requiredKeys: [] },
    ),
    name: fc.constantFrom('陈静', '马建军'),
    on: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-03-01'), noInvalidDate: true }),
  },
  { requiredKeys: ['_id', 'k', 'name', 'on'] },
);

const pipelines: object[][] = [
  [
    { $match: { 'k.y': '2026' } },
    { $group: { _id: '$unit', c: { $sum: 1 }, x: { $sum: '$n.x' }, y: { $sum: '$n.y' }, who: { $first: '$name' } } },
  ],
  [
    { $match: { 'k.m': { $in: ['2026-02'] }, unit: { $ne: null } } },
    { $group: { _id: '$k.m', c: { $sum: 2 } } },
    { $sort: { c: -1 } },
  ],
  [{ $group: { _id: { u: '$unit', m: '$k.m' }, x: { $sum: '$n.x' }, w: { $first: '$n.y' } } }],
  [{ $group: { _id: null, c: { $sum: 1 }, first: { $first: '$on' } } }],
  [{ $group: { _id: '$on', c: { $sum: 1 } } }],
];
const byId = (xs: unknown[]) =>
  [...(xs as { _id: unknown }[])].sort((a, b) => JSON.stringify(a._id).localeCompare(JSON.stringify(b._id)));

test('answers what mingo answers for [$match] $group with $sum and $first', () => {
  fc.assert(
    fc.property(fc.array(doc, { maxLength: 40 }), fc.constantFrom(...pipelines), (docs, pipeline) => {
      const fast = groupFastPath(docs as never, pipeline as never);
      expect(fast).not.toBeNull();
      const slow = new Aggregator(pipeline as never).run(docs as never) as unknown[];
      expect(byId(fast!)).toEqual(byId(slow));
    }),
    { numRuns: 200, seed: 8 },
  );
});

test('steps aside for what it does not handle', () => {
  const docs = [{ _id: '1', tags: ['a', 'b'], n: 1 }];
  expect(groupFastPath(docs, [{ $group: { _id: '$tags', c: { $sum: 1 } } }])).toBeNull();
  expect(groupFastPath(docs, [{ $group: { _id: '$n', c: { $avg: '$n' } } }])).toBeNull();
  expect(groupFastPath(docs, [{ $group: { _id: '$n', c: { $sum: { $multiply: ['$n', 2] } } } }])).toBeNull();
  expect(groupFastPath(docs, [{ $project: { n: 1 } }, { $group: { _id: null, c: { $sum: 1 } } }])).toBeNull();
  expect(groupFastPath(docs, [{ $group: { _id: { $toUpper: '$n' }, c: { $sum: 1 } } }])).toBeNull();
  expect(groupFastPath([{ _id: '1', o: { a: 1 } }], [{ $group: { _id: '$o', c: { $sum: 1 } } }])).toBeNull();
  expect(groupFastPath([{ _id: '1', n: [1, 2] }], [{ $group: { _id: null, c: { $sum: '$n' } } }])).toBeNull();
  expect(groupFastPath(docs, [{ $match: { n: 1 } }])).toBeNull();
});

test('plain $match conditions answer as mingo does, arrays and mixed types included', () => {
  const value = fc.oneof(
    fc.constantFrom('a', 'b', '2026-01', 3, 7, true, null),
    fc.constant(undefined),
    fc.array(fc.constantFrom('a', 3), { maxLength: 2 }),
    fc.date({ min: new Date('2026-01-01'), max: new Date('2026-02-01'), noInvalidDate: true }),
  );
  const docs = fc.array(
    fc.record(
      { _id: fc.uuid(), f: value, g: fc.record({ h: value }, { requiredKeys: [] }) },
      { requiredKeys: ['_id'] },
    ),
    { maxLength: 30 },
  );
  const cond = fc.oneof(
    fc.constantFrom('a', 3, null, true),
    fc.record({ $in: fc.array(fc.constantFrom('a', 'b', 3), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $ne: fc.constantFrom('a', null, 3) }),
    fc.record({ $exists: fc.boolean() }),
    fc.record(
      { $gte: fc.constantFrom('a', 3, new Date('2026-01-15')), $lt: fc.constantFrom('c', 7, new Date('2026-01-20')) },
      { requiredKeys: [] },
    ),
  );
  fc.assert(
    fc.property(docs, cond, fc.constantFrom('f', 'g.h'), (ds, c, field) => {
      if (typeof c === 'object' && c !== null && Object.keys(c).length === 0) return;
      const pipeline = [{ $match: { [field]: c } }, { $group: { _id: '$_id', n: { $sum: 1 } } }];
      const fast = groupFastPath(ds as never, pipeline as never);
      const slow = new Aggregator(pipeline as never).run(ds as never) as unknown[];
      expect(byId(fast!)).toEqual(byId(slow));
    }),
    { numRuns: 400, seed: 9 },
  );
});
