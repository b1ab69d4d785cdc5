/**
 * Every journey, for tools that run them all on the weapp build (docs/wx-apis.md observes the
 * wx APIs they call; npm run bench measures their setData). Add new journeys here.
 */
import type { Journey } from './driver';
import { ELDER_MODE, SLICE } from './slice';

export const JOURNEYS: readonly Journey[] = [SLICE, ELDER_MODE];
export { only, type Build, type Driver, type Journey, type Session } from './driver';
