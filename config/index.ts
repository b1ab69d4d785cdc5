import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// A weapp build wipes its output folder, so H5 gets its own (toolchain.md).
const isH5 = process.env.TARO_ENV === 'h5';

export const H5_DEV_HOST = '127.0.0.1';
export const H5_DEV_PORT = 10086;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bangban',
    // 375 makes a `px` in our CSS equal a CSS px on a 375-wide phone, which keeps the
    // 适老化 sizes (17px base, 20px+ in 长辈版, 60px targets) readable in the source.
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // browser tests build H5 into their own folder so a developer's dist-h5 is left alone
    // BANGBAN_WEAPP_OUT: the release check builds into a scratch project so a test never wipes dist/
    outputRoot: isH5 ? process.env.BANGBAN_H5_OUT || 'dist-h5' : process.env.BANGBAN_WEAPP_OUT || 'dist',
    // WeChat's screen reader needs the aria-* attributes Taro's weapp template would drop
    plugins: [path.resolve(__dirname, 'plugins', 'weapp-aria.js')],
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(process.env.BANGBAN_CLOUD_ENV || 'bangban-local'),
      // empty = same origin: browser tests serve the app and proxy /gateway to the cloud on one port
      LOCAL_CLOUD_URL: JSON.stringify(process.env.BANGBAN_CLOUD_URL ?? 'http://127.0.0.1:9000'),
    },
    // WeChat's code-quality check wants a sitemap; H5 has no use for it
    copy: {
      patterns: isH5
        ? []
        : [{ from: 'src/sitemap.json', to: `${process.env.BANGBAN_WEAPP_OUT || 'dist'}/sitemap.json` }],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    // the WeChat build keeps UTF-8 text as it is: Taro's default ascii_only wrote each Uyghur letter as
    // a 6-byte \u06xx escape (3× its size), ~150 KB of the 600 KB main-package budget for the dictionary
    ...(isH5 ? {} : { terser: { enable: true, config: { output: { ascii_only: false } } } }),
    cache: { enable: false },
    mini: {
      // no minifyXML: its HTML rules write a void <input> without its closing slash, and WeChat's wcc
      // refuses such a template ("expect end-tag input"); WXML compression is project.config.json's
      // setting.minifyWXML, applied by WeChat's own tools at upload
      // the rules core (core/) is plain TypeScript outside src: pages import eligibility and identity checks from it
      compile: { include: [path.resolve(__dirname, '..', 'core')] },
      // Modules used only by a subpackage move into that subpackage, so the staff
      // workbench does not weigh on the 2 MB main package every citizen downloads.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [path.resolve(__dirname, '..', 'core')] },
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      // Listen on loopback only; it binds every interface otherwise.
      devServer: { host: H5_DEV_HOST, port: H5_DEV_PORT },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
