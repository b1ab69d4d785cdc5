/**
 * Conformance: plain functions using the unmodified wx-server-sdk exercise every row of the wire
 * table against the local CloudBase, and the answers match MongoDB/CloudBase semantics.
 */
import { CloudBase } from '../../local-cloud/src';
import { invoke, startTestCloud } from '../support/cloud';

let cloud: CloudBase;
const run = <T = any>(event: object, openid?: string) => invoke<T>(cloud, 'conformance', event, openid);
const cmd = (name: string, ...args: unknown[]) => ({ $cmd: name, args });
const agg = (name: string, ...args: unknown[]) => ({ $agg: name, args });

const people = [
  {
    _id: 'p1',
    name: '张桂兰',
    age: 72,
    tags: ['elderly', 'disabled'],
    address: { town: '特吾里克镇', zip: '841200' },
    scores: [3, 5],
    joined: { $date: '2024-01-02T00:00:00Z' },
  },
  {
    _id: 'p2',
    name: '李明',
    age: 28,
    tags: ['founder'],
    address: { town: '和硕镇', zip: '841200' },
    scores: [4],
    joined: { $date: '2024-03-05T00:00:00Z' },
  },
  {
    _id: 'p3',
    name: '王海',
    age: 41,
    tags: [],
    address: { town: '和硕镇', zip: '841201' },
    scores: [1, 2, 5],
    joined: { $date: '2025-06-30T00:00:00Z' },
  },
  {
    _id: 'p4',
    name: 'Ma Jianjun',
    age: 35,
    tags: ['agent'],
    scores: [],
    joined: { $date: '2025-12-31T00:00:00Z' },
    nickname: null,
  },
];

beforeAll(async () => {
  cloud = await startTestCloud({
    project: {
      envId: 'conf-env',
      collections: {
        people: {},
        counters: {},
        big: { indexes: [{ name: 'group_1', keys: { group: 1 } }] },
        orders: {},
        ticks: {},
      },
      subscribeTemplates: {
        TPL_PROGRESS: { title: '办理进度通知', keywords: ['character_string1', 'thing2', 'phrase3', 'time4'] },
      },
    },
  });
  for (const p of people) await run({ probe: 'add', coll: 'people', data: p });
});
afterAll(() => cloud.stop());

const ids = (docs: { _id: string }[]) => docs.map((d) => d._id).sort();
const where = (w: unknown) => run<{ _id: string }[]>({ probe: 'get', coll: 'people', where: w });

describe('query operators', () => {
  test.each([
    ['eq (plain)', { age: 28 }, ['p2']],
    ['eq', { age: cmd('eq', 28) }, ['p2']],
    ['neq', { age: cmd('neq', 28) }, ['p1', 'p3', 'p4']],
    ['lt', { age: cmd('lt', 35) }, ['p2']],
    ['lte', { age: cmd('lte', 35) }, ['p2', 'p4']],
    ['gt', { age: cmd('gt', 41) }, ['p1']],
    ['gte', { age: cmd('gte', 41) }, ['p1', 'p3']],
    ['in', { name: cmd('in', ['李明', '王海']) }, ['p2', 'p3']],
    ['nin', { name: cmd('nin', ['李明', '王海']) }, ['p1', 'p4']],
    ['and (several fields)', { name: cmd('neq', '王海'), tags: cmd('size', 1) }, ['p2', 'p4']],
    ['and (top level)', cmd('and', [{ age: cmd('gt', 30) }, { age: cmd('lt', 50) }]), ['p3', 'p4']],
    ['or (top level)', cmd('or', [{ age: cmd('lt', 30) }, { age: cmd('gt', 70) }]), ['p1', 'p2']],
    ['nor', cmd('nor', [{ age: cmd('lt', 30) }, { age: cmd('gt', 70) }]), ['p3', 'p4']],
    ['not', { age: cmd('not', cmd('gt', 30)) }, ['p2']],
    ['exists true', { address: cmd('exists', true) }, ['p1', 'p2', 'p3']],
    ['exists false', { address: cmd('exists', false) }, ['p4']],
    ['null matches missing and null', { nickname: null }, ['p1', 'p2', 'p3', 'p4']],
    ['size', { scores: cmd('size', 2) }, ['p1']],
    ['mod', { age: cmd('mod', 7, 0) }, ['p2', 'p4']],
    ['all', { tags: cmd('all', ['elderly', 'disabled']) }, ['p1']],
    ['elemMatch', { scores: cmd('elemMatch', cmd('gte', 5)) }, ['p1', 'p3']],
    ['array contains', { tags: 'founder' }, ['p2']],
    ['nested object → dot path', { address: { town: '和硕镇' } }, ['p2', 'p3']],
    ['explicit dot path', { 'address.zip': '841201' }, ['p3']],
    ['RegExp', { name: { $regex: '^王' } }, ['p3']],
    ['RegExp flags', { name: { $regex: '^ma', flags: 'i' } }, ['p4']],
    ['db.RegExp', { name: { $dbRegExp: { regexp: 'JIAN', options: 'i' } } }, ['p4']],
    [
      'date range',
      {
        joined: cmd('and', cmd('gte', { $date: '2025-01-01T00:00:00Z' }), cmd('lt', { $date: '2026-01-01T00:00:00Z' })),
      },
      ['p3', 'p4'],
    ],
    ['expr', cmd('expr', agg('gt', ['$age', 40])), ['p1', 'p3']],
  ])('%s', async (_label, w, expected) => {
    expect(ids(await where(w))).toEqual(expected);
  });

  test('orderBy, skip, limit, field projection', async () => {
    const docs = await run({
      probe: 'get',
      coll: 'people',
      orderBy: [['age', 'desc']],
      skip: 1,
      limit: 2,
      field: { name: true, age: true },
    });
    expect(docs).toEqual([
      { _id: 'p3', name: '王海', age: 41 },
      { _id: 'p4', name: 'Ma Jianjun', age: 35 },
    ]);
  });

  test('orderBy on two fields', async () => {
    const docs = await run<{ _id: string }[]>({
      probe: 'get',
      coll: 'people',
      orderBy: [
        ['address.zip', 'asc'],
        ['age', 'desc'],
      ],
    });
    expect(docs.map((d) => d._id)).toEqual(['p4', 'p1', 'p2', 'p3']);
  });

  test('count', async () => {
    expect(await run({ probe: 'count', coll: 'people', where: { age: cmd('gt', 30) } })).toBe(3);
  });

  test('dates come back as Dates and doc().get() works', async () => {
    const doc = await run<any>({ probe: 'docGet', coll: 'people', id: 'p1' });
    expect(doc.joined).toBe('2024-01-02T00:00:00.000Z');
    expect(doc.address).toEqual({ town: '特吾里克镇', zip: '841200' });
  });

  test('limit defaults to 100 and is capped at 1000', async () => {
    expect(await run({ probe: 'addMany', coll: 'big', count: 1100 })).toBe(1100);
    expect((await run<unknown[]>({ probe: 'get', coll: 'big' })).length).toBe(100);
    expect((await run<unknown[]>({ probe: 'get', coll: 'big', limit: 5000 })).length).toBe(1000);
    expect(await run({ probe: 'count', coll: 'big', where: { group: 3 } })).toBe(110);
  });
});

describe('update commands', () => {
  const fresh = async (data: object) => {
    const id = `u${Math.random().toString(36).slice(2)}`;
    await run({ probe: 'add', coll: 'people', data: { _id: id, ...data } });
    return id;
  };
  const after = async (id: string, data: object) => {
    const r = await run<{ stats: { updated: number } }>({ probe: 'docUpdate', coll: 'people', id, data });
    expect(r.stats.updated).toBe(1);
    const doc = await run<any>({ probe: 'docGet', coll: 'people', id });
    delete doc._id;
    return doc;
  };

  test.each([
    ['set a plain field', { a: 1, n: { x: 1, y: 2 } }, { a: 2 }, { a: 2, n: { x: 1, y: 2 } }],
    ['nested object merges as dot paths', { n: { x: 1, y: 2 } }, { n: { x: 9 } }, { n: { x: 9, y: 2 } }],
    ['_.set replaces the object', { n: { x: 1, y: 2 } }, { n: cmd('set', { x: 9 }) }, { n: { x: 9 } }],
    ['inc', { c: 1 }, { c: cmd('inc', 2) }, { c: 3 }],
    ['mul', { c: 3 }, { c: cmd('mul', 4) }, { c: 12 }],
    ['remove', { a: 1, b: 2 }, { b: cmd('remove') }, { a: 1 }],
    ['push', { l: [1] }, { l: cmd('push', [2, 3]) }, { l: [1, 2, 3] }],
    [
      'push each/position/slice/sort',
      { l: [5, 1] },
      { l: cmd('push', { each: [3, 9], position: 0, sort: 1, slice: 3 }) },
      { l: [1, 3, 5] },
    ],
    ['pop', { l: [1, 2, 3] }, { l: cmd('pop') }, { l: [1, 2] }],
    ['shift', { l: [1, 2, 3] }, { l: cmd('shift') }, { l: [2, 3] }],
    ['unshift', { l: [2, 3] }, { l: cmd('unshift', [0, 1]) }, { l: [0, 1, 2, 3] }],
    ['pull', { l: [1, 2, 3, 2] }, { l: cmd('pull', 2) }, { l: [1, 3] }],
    ['pull with condition', { l: [1, 5, 9] }, { l: cmd('pull', cmd('gt', 4)) }, { l: [1] }],
    ['pullAll', { l: [1, 2, 3, 2] }, { l: cmd('pullAll', [2, 3]) }, { l: [1] }],
    ['addToSet', { l: [1, 2] }, { l: cmd('addToSet', 3) }, { l: [1, 2, 3] }],
    [
      'addToSet $each (as the WeChat docs write it)',
      { l: [1] },
      { l: cmd('addToSet', { $each: [1, 4] }) },
      { l: [1, 4] },
    ],
    ['rename', { old: 1 }, { old: cmd('rename', 'fresh') }, { fresh: 1 }],
    ['min', { v: 5 }, { v: cmd('min', 3) }, { v: 3 }],
    ['max', { v: 5 }, { v: cmd('max', 8) }, { v: 8 }],
    ['array index dot path', { l: [{ q: 1 }, { q: 2 }] }, { 'l.1.q': 7 }, { l: [{ q: 1 }, { q: 7 }] }],
  ])('%s', async (_label, initial, update, expected) => {
    const id = await fresh(initial);
    expect(await after(id, update)).toEqual(expected);
  });

  test('an update that changes nothing reports updated: 0', async () => {
    const id = await fresh({ l: [1, 2] });
    const r = await run<{ stats: { updated: number } }>({
      probe: 'docUpdate',
      coll: 'people',
      id,
      data: { l: cmd('addToSet', 2) },
    });
    expect(r.stats.updated).toBe(0);
  });

  test('doc().set replaces the whole document and upserts', async () => {
    const id = await fresh({ a: 1, b: 2 });
    await run({ probe: 'docSet', coll: 'people', id, data: { c: 3 } });
    expect(await run({ probe: 'docGet', coll: 'people', id })).toEqual({ _id: id, c: 3 });
    const r = await run<{ _id: string }>({ probe: 'docSet', coll: 'people', id: 'brand-new', data: { d: 4 } });
    expect(r._id).toBe('brand-new');
    expect(await run({ probe: 'docGet', coll: 'people', id: 'brand-new' })).toEqual({ _id: 'brand-new', d: 4 });
  });

  test('where().update is multi and where().remove deletes the matches', async () => {
    await run({ probe: 'add', coll: 'orders', data: { _id: 'o1', status: 'new', n: 1 } });
    await run({ probe: 'add', coll: 'orders', data: { _id: 'o2', status: 'new', n: 2 } });
    await run({ probe: 'add', coll: 'orders', data: { _id: 'o3', status: 'done', n: 3 } });
    const up = await run<{ stats: { updated: number } }>({
      probe: 'update',
      coll: 'orders',
      where: { status: 'new' },
      data: { status: 'seen', n: cmd('inc', 10) },
    });
    expect(up.stats.updated).toBe(2);
    expect((await run<any[]>({ probe: 'get', coll: 'orders', orderBy: [['n', 'asc']] })).map((d) => d.n)).toEqual([
      3, 11, 12,
    ]);
    const rm = await run<{ stats: { removed: number } }>({
      probe: 'remove',
      coll: 'orders',
      where: { status: 'seen' },
    });
    expect(rm.stats.removed).toBe(2);
    expect(await run({ probe: 'count', coll: 'orders' })).toBe(1);
    await run({ probe: 'docRemove', coll: 'orders', id: 'o3' });
    expect(await run({ probe: 'count', coll: 'orders' })).toBe(0);
  });

  test('serverDate is the server clock, with offset', async () => {
    const before = Date.now();
    const { _id } = await run<{ _id: string }>({
      probe: 'add',
      coll: 'orders',
      data: { at: { $serverDate: {} }, later: { $serverDate: { offset: 3600_000 } } },
    });
    const doc = await run<any>({ probe: 'docGet', coll: 'orders', id: _id });
    const at = Date.parse(doc.at);
    expect(at).toBeGreaterThanOrEqual(before - 5);
    expect(at).toBeLessThanOrEqual(Date.now() + 5);
    expect(Date.parse(doc.later) - at).toBeGreaterThanOrEqual(3600_000 - 5);
    // serverDate also works inside queries
    expect(ids(await run({ probe: 'get', coll: 'orders', where: { at: cmd('lte', { $serverDate: {} }) } }))).toEqual([
      _id,
    ]);
  });
});

describe('aggregate', () => {
  test('match, group, sort, project', async () => {
    const list = await run({
      probe: 'aggregate',
      coll: 'people',
      pipeline: [
        ['match', { age: cmd('exists', true), 'address.zip': cmd('exists', true) }],
        ['group', { _id: '$address.zip', count: agg('sum', 1), avgAge: agg('avg', '$age') }],
        ['sort', { count: -1 }],
        ['project', { _id: 0, zip: '$_id', count: 1, avgAge: 1 }],
      ],
    });
    expect(list).toEqual([
      { zip: '841200', count: 2, avgAge: 50 },
      { zip: '841201', count: 1, avgAge: 41 },
    ]);
  });

  test('unwind, count, lookup', async () => {
    expect(
      await run({
        probe: 'aggregate',
        coll: 'people',
        pipeline: [
          ['match', { _id: cmd('in', ['p1', 'p2', 'p3', 'p4']) }],
          ['unwind', '$tags'],
          ['count', 'n'],
        ],
      }),
    ).toEqual([{ n: 4 }]);
    await run({ probe: 'add', coll: 'orders', data: { _id: 'lk1', person: 'p2', item: '营业执照' } });
    const joined = await run({
      probe: 'aggregate',
      coll: 'orders',
      pipeline: [
        ['match', { _id: 'lk1' }],
        ['lookup', { from: 'people', localField: 'person', foreignField: '_id', as: 'who' }],
        ['project', { item: 1, 'who.name': 1 }],
      ],
    });
    expect(joined).toEqual([{ _id: 'lk1', item: '营业执照', who: [{ name: '李明' }] }]);
  });
});

describe('transactions', () => {
  test('an aborted transaction leaves nothing behind', async () => {
    await run({ probe: 'add', coll: 'counters', data: { _id: 'acctA', value: 100 } });
    await run({ probe: 'add', coll: 'counters', data: { _id: 'acctB', value: 0 } });
    const r = await run({
      probe: 'error',
      inner: { probe: 'transfer', coll: 'counters', from: 'acctA', to: 'acctB', amount: 30, abort: true },
    });
    expect(r).toEqual({ thrown: 'aborted on purpose' });
    expect(
      await run({
        probe: 'get',
        coll: 'counters',
        where: { _id: cmd('in', ['acctA', 'acctB']) },
        orderBy: [['_id', 'asc']],
      }),
    ).toEqual([
      { _id: 'acctA', value: 100 },
      { _id: 'acctB', value: 0 },
    ]);
    expect(await run({ probe: 'transfer', coll: 'counters', from: 'acctA', to: 'acctB', amount: 30 })).toBe('done');
    expect(
      await run({
        probe: 'get',
        coll: 'counters',
        where: { _id: cmd('in', ['acctA', 'acctB']) },
        orderBy: [['_id', 'asc']],
      }),
    ).toEqual([
      { _id: 'acctA', value: 70 },
      { _id: 'acctB', value: 30 },
    ]);
  });
});

describe('storage, callFunction, subscribe messages, context', () => {
  test('storage round trip through the SDK and the temp URL', async () => {
    const r = await run({ probe: 'storage', path: 'materials/申请表.txt', text: '帮办代办申请表' });
    expect(r).toEqual({
      fileID: 'cloud://conf-env.local/materials/申请表.txt',
      downloaded: '帮办代办申请表',
      fetched: '帮办代办申请表',
      deleted: 0,
      after: -503003,
    });
  });

  test('getWXContext carries the caller; callFunction passes it on', async () => {
    expect(await run({ probe: 'context' }, 'o_alice')).toEqual({
      OPENID: 'o_alice',
      APPID: 'wx_test_app',
      ENV: 'conf-env',
      SOURCE: 'wx_client',
      CLIENTIP: undefined,
    });
    const inner = await run<Record<string, string>>(
      { probe: 'call', name: 'conformance', data: { probe: 'context' } },
      'o_bob',
    );
    expect(inner.OPENID).toBe('o_bob');
    expect(inner.SOURCE).toBe('wx_client,scf');
  });

  test('subscribeMessage.send needs a grant per message (43101 without) and checks keyword values', async () => {
    const message = {
      touser: 'o_carol',
      templateId: 'TPL_PROGRESS',
      page: 'pages/my/index',
      data: {
        character_string1: { value: 'BB20261128001' },
        thing2: { value: '材料已送审批窗口' },
        phrase3: { value: '办理中' },
        time4: { value: '2026年11月28日 10:30' },
      },
    };
    expect(await run({ probe: 'error', inner: { probe: 'send', message } })).toMatchObject({ errCode: 43101 });
    cloud.messages.grant('o_carol', ['TPL_PROGRESS']);
    const sent = await run<{ msgid: string }>({ probe: 'send', message });
    expect(sent.msgid).toMatch(/^\d+$/);
    expect(await run({ probe: 'error', inner: { probe: 'send', message } })).toMatchObject({ errCode: 43101 });
    cloud.messages.grant('o_carol', ['TPL_PROGRESS']);
    const tooLong = {
      ...message,
      data: { ...message.data, thing2: { value: '这是一段超过二十个字符的事项说明文字用于测试长度限制' } },
    };
    expect(await run({ probe: 'error', inner: { probe: 'send', message: tooLong } })).toMatchObject({ errCode: 47003 });
    expect(
      await run({ probe: 'error', inner: { probe: 'send', message: { ...message, templateId: 'NOPE' } } }),
    ).toMatchObject({
      errCode: 40037,
    });
    const inbox = cloud.messages.inbox({ touser: 'o_carol' });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      templateTitle: '办理进度通知',
      data: { thing2: '材料已送审批窗口' },
      functionName: 'conformance',
    });
  });

  test('errors carry CloudBase errCodes', async () => {
    expect(await run({ probe: 'error', inner: { probe: 'get', coll: 'no_such_collection' } })).toMatchObject({
      errCode: -502005,
    });
    expect(
      await run({
        probe: 'error',
        inner: { probe: 'get', coll: 'people', where: { age: { $cmd: 'gt', args: [1] }, $where: 'x' } },
      }),
    ).toMatchObject({ errCode: expect.any(Number) });
    expect(
      await run({ probe: 'error', inner: { probe: 'add', coll: 'people', data: { _id: 'p1', dup: true } } }),
    ).toMatchObject({
      // DATABASE_DUPLICATE_WRITE, which wx-server-sdk has no number for: SYS_ERR, the message kept
      errCode: -501001,
      errMsg: expect.stringContaining('E11000'),
    });
  });
});
