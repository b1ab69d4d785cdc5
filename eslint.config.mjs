// Flat config. Lints every TypeScript file in the repo plus these root config files;
// other JavaScript (the local CloudBase's own .js, emitted function bundles) is not ours to lint.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

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
    // a hand-written mini-program the weapp harness runs (test/weapp-harness/fixtures): WeChat's globals
    files: ['test/weapp-harness/fixtures/**/*.js'],
    languageOptions: { globals: { wx: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly' } },
  },
)
