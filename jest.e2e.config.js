/**
 * Browser journeys (Debian's Chromium via playwright-core) and checks on the production builds.
 * globalSetup builds the functions, the H5 app (same-origin gateway) and the weapp package once.
 */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/support/setup.js'],
  globalSetup: '<rootDir>/test/e2e/global-setup.js',
  testTimeout: 120000,
  maxWorkers: 1,
};
