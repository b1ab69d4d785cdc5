// The rules core: pure functions over plain data, no wx/Taro, no clock, no database.
export * from './result';
export * from './beijing-time';
export * from './settings';
export * from './scope';
export * from './eligibility';
export * from './case-status';
export * from './lifecycle';
export * from './calendar';
export * from './booking';
export * from './rating';
export * from './permissions';
export * from './routing';
export * from './identity';
export * from './privacy';
export * from './application';
export * from './roles';
export * from './case-action-input';
