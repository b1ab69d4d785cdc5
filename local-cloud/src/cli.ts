import path from 'node:path';
import { loadProject, startCloudBase } from './server';

/** `npm run cloud -- [--port N] [--data DIR | --memory] [--functions DIR] [--project FILE]` */
export async function main(argv: string[]): Promise<void> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) args.set(a.slice(2), (i++, next));
    else args.set(a.slice(2), true);
  }
  const known = new Set(['port', 'data', 'memory', 'functions', 'project', 'host', 'quiet']);
  for (const k of args.keys()) if (!known.has(k)) throw new Error(`unknown option --${k}`);
  if (args.has('data') && args.has('memory')) throw new Error('use either --data DIR or --memory');
  const project = loadProject(path.resolve(String(args.get('project') ?? 'cloudbase.json')));
  const cloud = await startCloudBase({
    port: args.has('port') ? Number(args.get('port')) : 9000,
    host: args.has('host') ? String(args.get('host')) : '127.0.0.1',
    dataDir: args.has('memory') ? null : path.resolve(String(args.get('data') ?? '.cloudbase')),
    functionsDir: String(args.get('functions') ?? 'cloudfunctions'),
    project,
    log: args.has('quiet') ? undefined : (line) => console.log(line),
  });
  console.log(`CloudBase listening on ${cloud.url}`);
  console.log('# point an unmodified wx-server-sdk at it:');
  for (const [k, v] of Object.entries(cloud.sdkEnv)) if (k !== 'PATH') console.log(`export ${k}='${v}'`);
  console.log(
    `# console: ${cloud.url}/   functions: ${
      cloud.host
        .list()
        .map((f) => f.name)
        .join(', ') || '(none)'
    }`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
