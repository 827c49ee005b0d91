/**
 * A warehouse's times as its people read them: in the warehouse's own time zone (a per-warehouse
 * setting, Asia/Tokyo unless changed), whatever the zone of the browser or the server. The console,
 * the floor report and shipping all write times through here, so one instant reads the same everywhere.
 */

/** The zone a warehouse has until a supervisor sets another. */
export const DEFAULT_WAREHOUSE_TIME_ZONE = 'Asia/Tokyo';

/** Whether `zone` is an IANA time-zone name this runtime knows (e.g. Asia/Tokyo, Europe/Berlin, UTC). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // en-CA with h23 gives numeric parts in a stable order; the parts are reassembled below.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * `2026-12-03 16:57` (or with seconds) in `timeZone`, from an ISO string, a Date or epoch ms; a dash
 * when there is no time or it does not parse. An unknown zone falls back to the default one.
 */
export function formatWarehouseTime(when: string | number | Date | null | undefined, timeZone: string, options: { seconds?: boolean } = {}): string {
  if (when === null || when === undefined || when === '') return '—';
  const ms = when instanceof Date ? when.getTime() : typeof when === 'number' ? when : Date.parse(when);
  if (!Number.isFinite(ms)) return '—';
  const zone = isKnownTimeZone(timeZone) ? timeZone : DEFAULT_WAREHOUSE_TIME_ZONE;
  const parts = Object.fromEntries(formatterFor(zone, options.seconds ?? false).formatToParts(ms).map((p) => [p.type, p.value]));
  const clock = `${parts.hour}:${parts.minute}${options.seconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${clock}`;
}

/** The calendar day (`2026-12-03`) of an instant in `timeZone`: what "today" means for a warehouse's report. */
export function warehouseDay(when: string | number | Date, timeZone: string): string {
  return formatWarehouseTime(when, timeZone).slice(0, 10);
}
