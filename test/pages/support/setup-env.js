// What Taro's H5 build defines at compile time, defined at run time for jsdom.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';
process.env.SUPPORT_TARO_POLYFILL = 'disabled';

Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  // H5WebpackPlugin defines this from `useDeprecatedAdapterComponent` (default false).
  DEPRECATED_ADAPTER_COMPONENT: false,
  CLOUD_ENV_ID: 'test-env',
  // Nothing listens here: a test that forgot to mock a service fails loudly.
  LOCAL_CLOUD_URL: 'http://127.0.0.1:9',
});

const React = require('react');
const ReactDOM = require('react-dom');
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime');

// Registers React with Taro's runtime so its hooks (useDidShow…) and components work.
createH5NativeComponentConfig(null, React, ReactDOM);
