// `@tarojs/taro` as the H5 build sees it: the H5 API implementations plus the React hooks
// that the framework plugin normally injects at build time.
const h5 = require('@tarojs/taro-h5');
const hooks = require('@tarojs/plugin-framework-react/dist/runtime');

const hookNames = Object.keys(hooks).filter((k) => /^use[A-Z]/.test(k));
const Taro = Object.assign({}, h5.default, h5);
for (const name of hookNames) Taro[name] = hooks[name];

module.exports = Object.assign({}, Taro, { default: Taro, __esModule: true });
