/**
 * The parcel in hand in full, below the step to do now (pack-step-now.tsx, where its confirmations
 * are): customer, rank, human-touch and why, gift, inserts, lines, each ticked as it is done.
 */
import type { ResolvedParcel } from '../../shared/domain/resolve-parcel.js';
import type { PackProgress } from '../../shared/flows/pack-state.js';
import { badgeTextColour } from '../../shared/domain/contrast.js';
import { memo } from '../components/memo.js';
import { getLang, t, type Lang, type UiKey } from '../i18n/i18n.js';
import { GiftDetails } from './gift-details.js';

type Resolved = ResolvedParcel;

/** What the card shows: the parcel resolved against the catalogue and what is verified so far. */
export interface ParcelCardProps {
  resolved: ResolvedParcel;
  progress: PackProgress;
}

/**
 * The parcel card. Each section is memoised on what it shows (and the language), so a scan re-renders
 * only the line it ticked: a 20-line card re-rendered whole on every scan was most of the app's work
 * between the Enter and the frame (benchmark scan_to_feedback_ms_p95).
 */
export function ParcelCard({ resolved, progress }: ParcelCardProps) {
  const { parcel, rank, gift, flags, inserts, lines } = resolved;
  const lang = getLang();
  return (
    <article class="parcel-card" data-testid="parcel-card" data-shipment={parcel.shipmentId}>
      <CardHead parcel={parcel} rank={rank} lang={lang} />
      {flags.length > 0 && <FlagsSection parcel={parcel} flags={flags} confirmed={progress.humanTouchConfirmed} lang={lang} />}
      {gift.status === 'ok' && <GiftSection gift={gift} confirmed={progress.giftConfirmed} lang={lang} />}
      {inserts.length > 0 && <InsertsSection inserts={inserts} confirmed={progress.insertsConfirmed} lang={lang} />}
      <section class="lines">
        <h3>{t('pack.lines')}</h3>
        <ul>
          {lines.map((line) => (
            <LineRow line={line} done={progress.counts[line.productCode] ?? 0} key={line.productCode} />
          ))}
        </ul>
      </section>
    </article>
  );
}

/** Customer, rank badge and ids. */
const CardHead = memo(function CardHead({ parcel, rank }: { parcel: Resolved['parcel']; rank: Resolved['rank']; lang: Lang }) {
  return (
    <header class="card-head">
      <div class="customer">
        <span class="customer-name" data-testid="customer-name">
          {parcel.customerName}
        </span>
        {rank ? (
          <span class="rank-badge" data-testid="rank-badge" data-rank={rank.code} style={{ background: rank.color, color: badgeTextColour(rank.color) }}>
            {rank.label}
          </span>
        ) : (
          <span class="rank-badge" data-testid="rank-badge" data-rank={parcel.rankCode}>
            {t('rank.unknown', { code: parcel.rankCode })}
          </span>
        )}
      </div>
      <div class="card-ids">
        <span>{parcel.shipmentId}</span>
        {parcel.status === 'picked' && (
          <span class="picked-badge" data-testid="picked-badge">
            ✓ {t('pack.pickedBadge')}
          </span>
        )}
        <span>{t('pack.order', { order: parcel.orderNumber })}</span>
        <span>{parcel.carrier}</span>
      </div>
    </header>
  );
});

/** Human-touch flags, why they are there, and their confirmation. */
const FlagsSection = memo(function FlagsSection({
  parcel,
  flags,
  confirmed,
  lang,
}: {
  parcel: Resolved['parcel'];
  flags: Resolved['flags'];
  confirmed: boolean;
  lang: Lang;
}) {
  return (
    <section class={`flags ${confirmed ? 'is-done' : ''}`}>
      {flags.map((f) => (
        <div class={`flag-banner flag-${f.flag}`} data-testid="flag-banner" data-flag={f.flag} key={f.flag}>
          <div class="flag-title">{t(`flag.${f.flag}` as UiKey)}</div>
          {(lang === 'en' ? (f.instructionEn ?? f.instruction) : f.instruction) && (
            <div class="flag-instruction">{lang === 'en' ? (f.instructionEn ?? f.instruction) : f.instruction}</div>
          )}
          {parcel.flagBasis && (
            <div class="flag-why" data-testid="flag-why">
              {t(`flag.why.${f.flag}` as UiKey, { purchaseCount: parcel.flagBasis.purchaseCount, returnCount: parcel.flagBasis.returnCount })}
              {parcel.flagBasis.ruleVersion !== null && t('flag.why.rule', { version: parcel.flagBasis.ruleVersion })}
            </div>
          )}
        </div>
      ))}
      <Confirmation done={confirmed} testId="flag-confirmed" />
    </section>
  );
});

/** The gift instructions and whether they are confirmed. */
const GiftSection = memo(function GiftSection({ gift, confirmed }: { gift: Resolved['gift']; confirmed: boolean; lang: Lang }) {
  if (gift.status !== 'ok') return null;
  return (
    <section class={`gift-block ${confirmed ? 'is-done' : ''}`} data-testid="gift-block" data-gift={gift.gift.code} data-confirmed={String(confirmed)}>
      <h3>
        🎁 {t('pack.gift')} <span class="gift-code">{gift.gift.code}</span>
      </h3>
      <GiftDetails gift={gift} withDescription={true} />
      <Confirmation done={confirmed} testId="gift-confirmed" />
    </section>
  );
});

/** Confirmed (a tick) or still to do, under a section of the card. */
function Confirmation({ done, testId }: { done: boolean; testId: string }) {
  return (
    <div class={done ? 'confirmed' : 'to-confirm'} data-testid={testId} data-done={String(done)}>
      {done ? `✓ ${t('pack.confirmed')}` : t('pack.toConfirm')}
    </div>
  );
}

/** The inserts (同梱物), ticked as they are scanned or confirmed by a tap (a tap only when they have no barcode). */
const InsertsSection = memo(function InsertsSection({ inserts, confirmed }: { inserts: Resolved['inserts']; confirmed: string[]; lang: Lang }) {
  return (
    <section class="inserts">
      <h3>{t('pack.inserts')}</h3>
      <ul>
        {inserts.map((ins) => {
          const done = confirmed.includes(ins.code);
          return (
            <li class={`insert ${done ? 'is-done' : ''}`} data-testid={`insert-${ins.code}`} data-confirmed={String(done)} key={ins.code}>
              <span class="tick" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              <span class="insert-name">{ins.name ?? ins.code}</span>
              {!done && <span class="insert-hint">{t(ins.barcode ? 'pack.insertScan' : 'pack.insertByTap')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** One line of the parcel: re-renders only when its own count changes. */
const LineRow = memo(function LineRow({ line, done }: { line: Resolved['lines'][number]; done: number }) {
  return (
    <li
      class={`line ${done >= line.qty ? 'is-done' : done > 0 ? 'is-partial' : ''}`}
      data-testid={`line-${line.productCode}`}
      data-done={done}
      data-expected={line.qty}
    >
      <div class="line-text">
        <div class="line-name">{line.name ?? line.productCode}</div>
        <div class="line-meta">
          {line.productCode}
          {line.location ? ` · ${line.location}` : ''}
        </div>
      </div>
      <div class="line-count">
        <span class="count-done" style={{ minWidth: `${String(line.qty).length}ch` }}>
          {done}
        </span>
        <span class="count-sep">/</span>
        <span class="count-expected">{line.qty}</span>
      </div>
    </li>
  );
});
