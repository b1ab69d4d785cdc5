/** The functions' persistence: collection names, document types, the duplicate-key test. */
export { COLL, type CollectionName } from './collections';
export * from './documents';
export { DUPLICATE_WRITE, duplicateKeyIndex, isDuplicateKey } from './errors';
