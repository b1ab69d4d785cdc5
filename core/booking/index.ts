/**
 * 预约、延时、错时服务 (§二(四)) and 上门 home visits. The timetable is configuration (settings.booking
 * .windows); this module turns it into bookable slots for a Beijing day and decides bookings,
 * cancellations and reschedules. Capacity counts come from the bookings the caller passes in; the
 * caller's store keeps them exact when people race for a seat (cloudfunctions-src/bookings: a unique
 * index on the seat each active booking holds).
 */
export * from './types';
export * from './slots';
export * from './rules';
