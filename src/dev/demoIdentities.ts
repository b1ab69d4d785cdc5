/**
 * Demo identities for the H5 build only: in WeChat the cloud supplies the OPENID, here the
 * local gateway takes it from the request. The list is demoIdentities.json, which the seed
 * data (scripts/seed-data.js) also exports and npm start prints: the staff among them are
 * seeded people (test/pages/dev-identity.test.tsx).
 */
import identities from './demoIdentities.json';

export interface DemoIdentity {
  openid: string;
  label: string;
}

export const DEMO_IDENTITIES: ReadonlyArray<DemoIdentity> = identities;

export const DEFAULT_DEMO_OPENID = DEMO_IDENTITIES[0].openid;
