/**
 * Durability: every write the server acknowledged survives SIGKILL in the middle of a write load.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';

const ROOT = path.join(__dirname, '..', '..');

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'local-cloud/bin/cloudbase.js'),
        '--port',
        '0',
        '--data',
        dataDir,
        '--functions',
        path.join(dataDir, 'none'),
        '--quiet',
      ],
      {
        cwd: dataDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /CloudBase listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function wire(url: string, body: object): Promise<any> {
  const res = await fetch(`${url}/admin?env=durable`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

test('acknowledged writes survive kill -9', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudbase-durable-'));
  let { child, url } = await startServer(dir);
  expect((await wire(url, { action: 'database.addCollection', collectionName: 'ledger' })).code).toBeUndefined();

  const acknowledged: string[] = [];
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `w${w}-${i}`;
      try {
        const r = await wire(url, {
          action: 'database.insertDocument',
          collectionName: 'ledger',
          data: [EJSON.stringify({ _id: id, amount: i, at: new Date() }, { relaxed: false })],
        });
        if (r.data?.insertedIds?.[0] === id) acknowledged.push(id);
      } catch {
        return; // the connection died with the server
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  await new Promise((r) => setTimeout(r, 1500));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  stop = true;
  await exited;
  await Promise.all(writers);
  expect(acknowledged.length).toBeGreaterThan(50);

  ({ child, url } = await startServer(dir));
  try {
    const stored = new Set<string>();
    for (let offset = 0; ; offset += 1000) {
      const r = await wire(url, {
        action: 'database.getDocument',
        collectionName: 'ledger',
        queryType: 'WHERE',
        limit: 1000,
        offset,
      });
      for (const s of r.data.list) stored.add(EJSON.parse(s)._id);
      if (r.data.list.length < 1000) break;
    }
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
