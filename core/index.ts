export * from './scope';
export * from './case-status';
export * from './privacy';
export * from './application';
export * from './roles';
