/** The calendar date in Japan (UTC+9, no daylight saving) of an instant: the warehouse's "today". */
export function japanDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
