/**
 * Issue 9: no applicant-facing action needs more than 4 database round trips (each costs tens of
 * milliseconds in the real cloud; a CloudBase transaction costs one to start, one per operation and
 * one to commit). Every action an applicant may call (from the functions' registry, so a new one
 * without a scenario here fails) is called on its SUCCESSFUL path, warm, and the local CloudBase
 * counts the database requests of that one invocation. Counting requests is deterministic, so this
 * is a test; the latency of the same actions is measured by `npm run bench`.
 */
import type { CloudBase } from '../../local-cloud/src';
import { deliver } from '../support/app';
import { actionVariants } from './support/registry';
import { applicantScenarios, invokeCounting } from './support/scenarios';
import { buildWorld, type World } from './support/world';

const MAX_ROUND_TRIPS = 4;

let world: World;
let cloud: CloudBase;
let SCENARIOS: ReturnType<typeof applicantScenarios>;
beforeAll(async () => {
  world = await buildWorld();
  cloud = world.cloud;
  await deliver(cloud);
  SCENARIOS = applicantScenarios(world);
}, 240_000);
afterAll(() => cloud?.stop());

const applicantActions = [
  ...new Set(
    actionVariants()
      .filter((v) => v.spec.roles.includes('applicant'))
      .map((v) => `${v.fn}.${v.action}`),
  ),
];

test('every applicant-facing action has a scenario here', () => {
  expect(applicantActions.filter((k) => !SCENARIOS[k])).toEqual([]);
});

test.each(applicantActions)('%s succeeds within 4 database round trips', async (key) => {
  const [fn, action] = key.split('.');
  const { input, by } = await SCENARIOS[key]();
  // warm the instance first with a harmless call: the count is of the action, not of a cold start
  await invokeCounting(cloud, fn, '-', {}, by);
  const r = await invokeCounting(cloud, fn, action, input, by);
  expect(r.answer).toMatchObject({ ok: true });
  expect(r.trips).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
});
