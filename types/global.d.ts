/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

/** Injected by `defineConstants` in config/index.ts. */
declare const CLOUD_ENV_ID: string;
/** Injected by `defineConstants` in config/index.ts; used by the H5 transport only. */
declare const LOCAL_CLOUD_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform being built; Taro replaces it at build time so dead branches drop out. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID?: string;
    BANGBAN_CLOUD_ENV?: string;
    BANGBAN_CLOUD_URL?: string;
  }
}
