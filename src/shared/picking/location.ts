/**
 * Location labels (ロケーション) parsed into zone, aisle, bay and level by a configurable pattern.
 * zod-free: the scan path uses it.
 */

/** A location as the walking route needs it. */
export interface ParsedLocation {
  zone: string;
  aisle: number;
  bay: number;
  level: number;
}

/** A compiled location format: parse(text) gives the parts, or null when the text is not a location. */
export interface LocationFormat {
  readonly pattern: string;
  parse(text: string): ParsedLocation | null;
}

const FIELDS = ['zone', 'aisle', 'bay', 'level'] as const;
type Field = (typeof FIELDS)[number];

/** Thrown for a pattern that does not name each of zone, aisle, bay and level exactly once. */
export class LocationFormatError extends Error {}

/**
 * Compiles a pattern such as "{zone}-{aisle}-{bay}-{level}" or "{zone:1}{aisle:2}{bay:2}{level:1}".
 * `{name}` matches one or more characters (letters or digits for the zone, digits for the others);
 * `{name:n}` exactly n of them, for labels without separators. Everything else is literal.
 */
export function compileLocationFormat(pattern: string): LocationFormat {
  const order: Field[] = [];
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(/\{(\w+)(?::(\d+))?\}/g)) {
    const name = m[1] as Field;
    if (!FIELDS.includes(name)) throw new LocationFormatError(`Unknown field {${m[1]}} in location format "${pattern}"`);
    if (order.includes(name)) throw new LocationFormatError(`Field {${name}} appears twice in location format "${pattern}"`);
    order.push(name);
    source += escapeRegExp(pattern.slice(last, m.index));
    const chars = name === 'zone' ? '[A-Za-z0-9]' : '\\d';
    source += `(${chars}${m[2] ? `{${m[2]}}` : '+'})`;
    last = m.index + m[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  const missing = FIELDS.filter((f) => !order.includes(f));
  if (missing.length) throw new LocationFormatError(`Location format "${pattern}" lacks {${missing.join('}, {')}}`);
  const re = new RegExp(`^${source}$`);
  return {
    pattern,
    parse(text) {
      const m = re.exec(text.trim());
      if (!m) return null;
      const parts = Object.fromEntries(order.map((field, i) => [field, m[i + 1]])) as Record<Field, string>;
      return { zone: parts.zone.toUpperCase(), aisle: Number(parts.aisle), bay: Number(parts.bay), level: Number(parts.level) };
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
