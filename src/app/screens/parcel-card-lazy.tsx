/**
 * The parcel card's full detail as a chunk of its own, loaded with the first parcel: the step panel
 * (pack-step-now.tsx, main bundle) already says what to do, so the pack screen accepts a scan without
 * it. The service worker precaches the chunk, so it loads offline too; should it fail to load (a newer
 * version removed it), the step panel still carries the pack and the detail is left out.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ParcelCardProps } from './parcel-card.js';

let loaded: ComponentType<ParcelCardProps> | null = null;
let loading: Promise<ComponentType<ParcelCardProps>> | null = null;

/** The parcel card once its chunk is in; nothing before. */
export function LazyParcelCard(props: ParcelCardProps) {
  const [, setLoads] = useState(0);
  useEffect(() => {
    if (loaded) return;
    let mounted = true;
    loading ??= import('./parcel-card.js').then((m) => (loaded = m.ParcelCard));
    loading.then(
      () => mounted && setLoads((n) => n + 1),
      () => (loading = null),
    );
    return () => {
      mounted = false;
    };
  }, []);
  const Card = loaded;
  return Card ? <Card {...props} /> : null;
}
