import { render, screen } from '@testing-library/react';
import DevIdentitySwitcher from '../../src/components/DevIdentitySwitcher';

// the seed data npm start writes and prints (plain Node CommonJS)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const seedData = require('../../scripts/seed-data') as {
  identities: { openid: string; label: string }[];
  staff: { openid: string; name: string }[];
};

beforeEach(() => localStorage.clear());

describe('H5 demo identity picker', () => {
  it('lists the identities the seed data exports (and npm start prints), in order', () => {
    render(<DevIdentitySwitcher />);
    const options = screen.getByTestId('dev-identity').querySelectorAll('option') as NodeListOf<HTMLOptionElement>;
    expect([...options].map((o) => ({ openid: o.value, label: o.textContent }))).toEqual(seedData.identities);
  });

  it('every staff identity on it is a seeded staff member, named first', () => {
    const staff = seedData.identities.filter((i) => !/群众|企业经办人/.test(i.label));
    expect(staff.length).toBeGreaterThan(0);
    for (const i of staff) {
      const seeded = seedData.staff.find((s) => s.openid === i.openid);
      expect({ openid: i.openid, seeded: !!seeded, namedFirst: !!seeded && i.label.startsWith(seeded.name) }).toEqual({
        openid: i.openid,
        seeded: true,
        namedFirst: true,
      });
    }
  });
});
