// Flat config. Lints every TypeScript file in the repo plus these root config files;
// other JavaScript (the local CloudBase's own .js, emitted function bundles) is not ours to lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'dist-h5/**',
      '.build/**',
      'coverage/**',
      'cloudfunctions/*/index.js',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      '!babel.config.js',
      '!jest.*config.js',
      '!eslint.config.mjs',
      '!test/**/*.js',
      '!scripts/*.js',
      '!bench/*.js',
      '!local-cloud/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/pages/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: {
      globals: { ...globals.browser, CLOUD_ENV_ID: 'readonly', LOCAL_CLOUD_URL: 'readonly' },
    },
  },
  {
    // tests handle untyped JSON answers from functions and the wire
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['babel.config.js', 'jest.*config.js', 'test/**/*.js', 'scripts/*.js', 'bench/*.js', 'local-cloud/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    // CommonJS on purpose: jest and babel load these without a transform.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // core/ is the pure rules engine that pages and functions both run: no platform, no clock, no dice.
    // The caller passes `now`, ids and randomness in, so a rule gives the same answer everywhere and in tests.
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wx-server-sdk', message: 'core/ is pure: the cloud functions talk to CloudBase.' },
            { name: 'crypto', message: 'core/ is pure: ids and randomness come from the caller.' },
            { name: 'node:crypto', message: 'core/ is pure: ids and randomness come from the caller.' },
          ],
          patterns: [
            {
              group: ['@tarojs/*', 'react', 'react-dom'],
              message: 'core/ is pure: pages import core, not the reverse.',
            },
            {
              group: ['**/src/**', '**/cloudfunctions-src/**', '**/local-cloud/**'],
              message: 'core/ imports only core/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'wx', message: 'core/ is pure: no WeChat API.' },
        { name: 'Taro', message: 'core/ is pure: no Taro API.' },
        { name: 'process', message: 'core/ is pure: configuration comes from the caller.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ reads no clock: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ reads no clock: take `now` as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'core/ uses no randomness: take ids from the caller.',
        },
        {
          selector: "MemberExpression[object.name='crypto']",
          message: 'core/ uses no randomness: take ids from the caller.',
        },
      ],
    },
  },
  {
    // a hand-written mini-program the weapp harness runs (test/weapp-harness/fixtures): WeChat's globals
    files: ['test/weapp-harness/fixtures/**/*.js'],
    languageOptions: {
      globals: {
        wx: 'readonly',
        App: 'readonly',
        Page: 'readonly',
        Component: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
      },
    },
  },
);
