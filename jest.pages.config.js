/**
 * Page tests: render Taro React pages in jsdom with Testing Library (toolchain.md § Tests).
 * Kept apart from the root jest config, which runs the Node-side suites.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

// Taro and its dependencies ship ES modules; everything else in node_modules is CommonJS.
// Anchored at the top-level package: Taro nests ESM copies (e.g. tslib) in its own node_modules.
const esmPackages = [
  '@tarojs',
  '@stencil',
  'swiper',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
];

module.exports = {
  displayName: 'pages',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [`^<rootDir>/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/pages/support/taro-shim.js',
    '\\.(css|less|scss|sass)$': '<rootDir>/test/pages/support/style-stub.js',
  },
  setupFiles: ['<rootDir>/test/pages/support/setup-env.js'],
  clearMocks: true,
};
