/**
 * Every collection the functions use, by name: the one place a collection name is written.
 * cloudbase.json declares the same collections with their indexes (deploy creates them).
 */
export const COLL = {
  audit: 'audit',
  badRatings: 'badRatings',
  bookings: 'bookings',
  cases: 'cases',
  consents: 'consents',
  grants: 'grants',
  invites: 'invites',
  ledger: 'ledger',
  messages: 'messages',
  outbox: 'outbox',
  ratings: 'ratings',
  settings: 'settings',
  staff: 'staff',
  units: 'units',
} as const;

export type CollectionName = (typeof COLL)[keyof typeof COLL];
