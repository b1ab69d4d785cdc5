/**
 * Runs every journey on the weapp build, each with a fresh driver on one local CloudBase: what
 * docs/wx-apis.md observes and what npm run bench measures. Used by scripts/gen-wx-apis.js and
 * bench/run.js (bundled with esbuild) and by test/e2e/wx-apis-doc.test.ts.
 */
import { type CloudTarget, type Interaction, renderWxApisDoc } from '../../weapp-harness';
import { scanDistForWxApis } from '../../weapp-harness/static-scan';
import { WeappDriver } from '../drivers/weapp';
import { JOURNEYS } from './index';

export interface WeappRun {
  journey: string;
  apis: Set<string>;
  interactions: Interaction[];
  skipped: string[];
}

export async function runJourneysOnWeapp(dist: string, cloud: CloudTarget): Promise<WeappRun[]> {
  const runs: WeappRun[] = [];
  for (const journey of JOURNEYS) {
    const driver = new WeappDriver({ dist, cloud });
    try {
      await journey.run(driver, cloud);
      runs.push({
        journey: journey.name,
        apis: driver.apiCalls(),
        interactions: driver.interactions(),
        skipped: driver.skipped,
      });
    } finally {
      await driver.close();
    }
  }
  return runs;
}

/** docs/wx-apis.md for the build in `dist`, observing the journeys against `cloud`. */
export async function wxApisDoc(dist: string, cloud: CloudTarget): Promise<string> {
  const observed = new Map<string, string[]>();
  for (const run of await runJourneysOnWeapp(dist, cloud)) {
    for (const api of run.apis) observed.set(api, [...(observed.get(api) ?? []), run.journey]);
  }
  return renderWxApisDoc({ observed, referenced: scanDistForWxApis(dist) });
}
