/**
 * Issue 18: the 差评 ledger journey (test/e2e/journeys/ledger.ts) on the WeChat build in the weapp
 * harness as well: the ledger subpackage with its @antv/f2 charts drawn on type="2d" canvases
 * (modelled in test/weapp-harness/canvas.ts), each page rendered by WeChat's template engine.
 */
import { weappEnv } from './env';
import { badRatingLedgerJourney } from './journeys/ledger';
import { ledgerJourneyEnv } from './journeys/ledger-env';

const e2e = weappEnv();

test('a citizen’s 差评 is called back and rectified by the unit, the citizen reads the outcome, the center sees the ledger change', async () => {
  await badRatingLedgerJourney(
    e2e.driver,
    ledgerJourneyEnv(() => e2e.cloud),
  );
  // the center opened the ledger: its subpackage, with the chart library, loaded on the phone
  const ledger = e2e.driver.sessions.filter(({ mp }) => mp.subpackagesLoaded.has('packages/ledger'));
  expect(ledger.length).toBeGreaterThan(0);
  // and F2 drew its charts on the type="2d" canvases: bars (filled shapes) and the axis labels
  const drawn = ledger.flatMap(({ mp }) => mp.canvases.all()).map((c) => c.getContext('2d')!);
  expect(drawn.some((ctx) => ctx.fills.some((f) => f.width > 0 && f.height > 0))).toBe(true);
  expect(drawn.flatMap((ctx) => ctx.texts.map((t) => t.text)).join(' ')).toMatch(/\d/);
});
