/** Small pieces every console page uses: a rank's badge, chips for lists, a link to a parcel, an empty state. */
import type { ComponentChildren } from 'preact';
import { badgeTextColour } from '../shared/domain/contrast.js';
import { useConsoleData } from './console-context.js';
import { parcelHash } from './section-menu.js';

/** A rank as its badge: the label on the brand's colour, the text black or white by WCAG contrast. */
export function RankBadge({ code }: { code: string }) {
  const rank = useConsoleData().ranks.find((r) => r.code === code);
  if (!rank) return <span class="badge badge-unknown" data-testid="rank-badge">{code}</span>;
  return (
    <span class="badge" style={{ background: rank.color, color: badgeTextColour(rank.color) }} title={rank.code} data-testid="rank-badge">
      {rank.label}
    </span>
  );
}

/** A list as chips (never as JSON); `empty` is shown when there is nothing. */
export function Chips({ items, empty = '—' }: { items: readonly ComponentChildren[]; empty?: string }) {
  if (items.length === 0) return <span class="hint">{empty}</span>;
  return (
    <span class="chip-list">
      {items.map((item, i) => (
        <span key={i} class="chip">
          {item}
        </span>
      ))}
    </span>
  );
}

/** A shipment id that opens its parcel page. */
export function ParcelLink({ shipmentId }: { shipmentId: string }) {
  return (
    <a href={parcelHash(shipmentId)} data-testid="parcel-link">
      {shipmentId}
    </a>
  );
}

/** What an empty list means and what to do about it. */
export function EmptyState({ children }: { children: ComponentChildren }) {
  return (
    <p class="empty" data-testid="empty-state">
      {children}
    </p>
  );
}

/** A table that scrolls sideways on a narrow screen instead of squeezing its columns. */
export function TableWrap({ children }: { children: ComponentChildren }) {
  return <div class="table-wrap">{children}</div>;
}
