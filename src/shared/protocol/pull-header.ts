/** Kept apart from sync.ts (zod) so the device's main bundle can name it without loading the schemas. */

/** Response header of a pull page with more after it: the body's `cursor`, readable before the body is. */
export const PULL_NEXT_CURSOR_HEADER = 'next-cursor';
