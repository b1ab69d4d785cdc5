/** Node-side tests: core rules, the local CloudBase, cloud functions through it. */
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } },
];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|tsx)$': swc },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // browser journeys have their own config (jest.e2e.config.js)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  setupFiles: ['<rootDir>/test/support/setup.js'],
  testTimeout: 60000,
  // the rules core must be proven line by line (issue: ≥95 % lines, ≥90 % branches)
  collectCoverageFrom: ['<rootDir>/core/**/*.ts'],
  coverageThreshold: { './core/': { lines: 95, branches: 90 } },
  coverageReporters: ['text-summary'],
};
