/** Column builders every table shares. */
import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** Change stamps are bigint in SQL but stay far below 2^53, so JavaScript numbers are safe. */
export const changeSeq = () => bigint('seq', { mode: 'number' }).notNull();

/** A point in time (timestamptz), read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
