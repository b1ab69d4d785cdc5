/**
 * 五、帮办代办服务流程 as an explicit state machine. A case is plain data; `applyCaseAction` takes a
 * case, an action and who/when, and answers either the next case with the timeline event it
 * recorded and the notifications it asks for, or a refusal with a code. Nothing here reads a clock
 * or a database: the cloud function loads, calls, and saves.
 *
 * By concern: types (the case record and its actions), transitions (the table: from, to, who,
 * guards, notices), handlers/ (each action's guards and effect), apply (the one entry point),
 * open-case, queries, notifications and messages.
 */
export * from './types';
export * from './transitions';
export * from './notifications';
export * from './messages';
export * from './open-case';
export * from './apply';
export * from './queries';
