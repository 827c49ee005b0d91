/**
 * The walking route: zone, then aisle in a serpentine (odd aisles walked up the bays, even aisles
 * down), then bay, then level. Locations the format cannot parse go last, flagged, in a stable order.
 */
import type { LocationFormat, ParsedLocation } from './location.js';

/** A stop's place on the route: comparable with compareRouteKeys. */
export type RouteKey =
  | { parsed: true; zone: string; aisle: number; bayStep: number; level: number; tie: string }
  | { parsed: false; text: string; tie: string };

/** A stop in route order, with its parsed location (null when the label did not parse: flagged). */
export interface Routed<T> {
  item: T;
  location: ParsedLocation | null;
  key: RouteKey;
}

/** The route key of a location; `tie` (e.g. the product code) orders stops at the same location. */
export function routeKey(location: string, tie: string, format: LocationFormat): { key: RouteKey; parsed: ParsedLocation | null } {
  const parsed = format.parse(location);
  if (!parsed) return { key: { parsed: false, text: location, tie }, parsed: null };
  // Serpentine: an odd aisle is walked up (bays ascending), an even one back down (descending).
  const bayStep = parsed.aisle % 2 === 1 ? parsed.bay : -parsed.bay;
  return { key: { parsed: true, zone: parsed.zone, aisle: parsed.aisle, bayStep, level: parsed.level, tie }, parsed };
}

/** Total order on route keys: parsed before unparsed; then zone, aisle, serpentine bay, level, tie. */
export function compareRouteKeys(a: RouteKey, b: RouteKey): number {
  if (a.parsed !== b.parsed) return a.parsed ? -1 : 1;
  if (a.parsed && b.parsed) {
    return compareZones(a.zone, b.zone) || a.aisle - b.aisle || a.bayStep - b.bayStep || a.level - b.level || compareText(a.tie, b.tie);
  }
  const x = a as Extract<RouteKey, { parsed: false }>;
  const y = b as Extract<RouteKey, { parsed: false }>;
  return compareText(x.text, y.text) || compareText(x.tie, y.tie);
}

/** Orders items along the walking route; the result does not depend on the input order. */
export function orderByRoute<T>(items: readonly T[], locationOf: (item: T) => string, tieOf: (item: T) => string, format: LocationFormat): Routed<T>[] {
  return items
    .map((item) => {
      const { key, parsed } = routeKey(locationOf(item), tieOf(item), format);
      return { item, location: parsed, key };
    })
    .sort((a, b) => compareRouteKeys(a.key, b.key));
}

/** Zones compare as numbers when both are numeric ("2" before "10"), else by code unit. */
function compareZones(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b) || compareText(a, b);
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
