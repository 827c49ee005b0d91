/** The parcel in hand, readable at arm's length: customer, rank, human-touch, gift, inserts, lines. */
import type { ResolvedParcel } from '../../shared/domain/resolve-parcel.js';
import type { PackAction } from '../../shared/flows/pack.js';
import type { PackProgress } from '../../shared/flows/pack-state.js';
import { memo } from '../components/memo.js';
import { getLang, t, type Lang, type UiKey } from '../i18n/i18n.js';

type Resolved = ResolvedParcel;
type Dispatch = (action: PackAction) => void;

interface ParcelCardProps {
  resolved: ResolvedParcel;
  progress: PackProgress;
  dispatch: (action: PackAction) => void;
}

/** Black or white text, whichever reads better on the badge colour. */
function textOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111' : '#fff';
}

/**
 * The parcel card. Each section is memoised on what it shows (and the language), so a scan re-renders
 * only the line it ticked: a 20-line card re-rendered whole on every scan was most of the app's work
 * between the Enter and the frame (benchmark scan_to_feedback_ms_p95). `dispatch` must be stable.
 */
export function ParcelCard({ resolved, progress, dispatch }: ParcelCardProps) {
  const { parcel, rank, gift, flags, inserts, lines } = resolved;
  const lang = getLang();
  return (
    <article class="parcel-card" data-testid="parcel-card" data-shipment={parcel.shipmentId}>
      <CardHead parcel={parcel} rank={rank} lang={lang} />
      {flags.length > 0 && <FlagsSection parcel={parcel} flags={flags} confirmed={progress.humanTouchConfirmed} dispatch={dispatch} lang={lang} />}
      {gift.status === 'ok' && <GiftSection gift={gift} confirmed={progress.giftConfirmed} dispatch={dispatch} lang={lang} />}
      {inserts.length > 0 && <InsertsSection inserts={inserts} confirmed={progress.insertsConfirmed} dispatch={dispatch} lang={lang} />}
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
          <span class="rank-badge" data-testid="rank-badge" data-rank={rank.code} style={{ background: rank.color, color: textOn(rank.color) }}>
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
  dispatch,
  lang,
}: {
  parcel: Resolved['parcel'];
  flags: Resolved['flags'];
  confirmed: boolean;
  dispatch: Dispatch;
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
      {confirmed ? (
        <div class="confirmed" data-testid="flag-confirmed">
          ✓ {t('pack.confirmed')}
        </div>
      ) : (
        <button class="btn btn-confirm btn-block" data-testid="flag-confirm" onClick={() => dispatch({ type: 'confirmHumanTouch' })}>
          {t('pack.flag.confirm')}
        </button>
      )}
    </section>
  );
});

/** The gift instructions and their confirmation. */
const GiftSection = memo(function GiftSection({ gift: resolvedGift, confirmed, dispatch }: { gift: Resolved['gift']; confirmed: boolean; dispatch: Dispatch; lang: Lang }) {
  if (resolvedGift.status !== 'ok') return null;
  const gift = resolvedGift;
  return (
    <section class={`gift-block ${confirmed ? 'is-done' : ''}`} data-testid="gift-block" data-gift={gift.gift.code} data-confirmed={String(confirmed)}>
      <h3>
        🎁 {t('pack.gift')} <span class="gift-code">{gift.gift.code}</span>
      </h3>
      <dl>
        <dt>{t('pack.gift.wrapping')}</dt>
        <dd>{gift.gift.wrapping || t('pack.gift.none')}</dd>
        <dt>{t('pack.gift.ribbon')}</dt>
        <dd>{gift.gift.ribbon ?? t('pack.gift.none')}</dd>
        <dt>{t('pack.gift.noshi')}</dt>
        <dd>{gift.gift.noshiInscription ?? t('pack.gift.none')}</dd>
        {gift.gift.noshiPlacement && (
          <>
            <dt>{t('pack.gift.placement')}</dt>
            <dd class="noshi-placement">{gift.gift.noshiPlacement === 'inner' ? t('pack.gift.inner') : t('pack.gift.outer')}</dd>
          </>
        )}
        {gift.noshiName && (
          <>
            <dt>{t('pack.gift.noshiName')}</dt>
            <dd>{gift.noshiName}</dd>
          </>
        )}
        {gift.message && (
          <>
            <dt>{t('pack.gift.message')}</dt>
            <dd class="gift-message">{gift.message}</dd>
          </>
        )}
      </dl>
      {gift.gift.description && <p class="gift-desc">{gift.gift.description}</p>}
      {confirmed ? (
        <div class="confirmed">✓ {t('pack.confirmed')}</div>
      ) : (
        <button class="btn btn-confirm btn-block" data-testid="gift-confirm" onClick={() => dispatch({ type: 'confirmGift' })}>
          {t('pack.gift.confirm')}
        </button>
      )}
    </section>
  );
});

/** The inserts (同梱物): scanned, or confirmed by a tap when they have no barcode. */
const InsertsSection = memo(function InsertsSection({ inserts, confirmed, dispatch }: { inserts: Resolved['inserts']; confirmed: string[]; dispatch: Dispatch; lang: Lang }) {
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
              {!done &&
                (ins.barcode ? (
                  <span class="insert-hint">{t('pack.insertScan')}</span>
                ) : (
                  <button class="btn btn-small btn-confirm" data-testid={`insert-confirm-${ins.code}`} onClick={() => dispatch({ type: 'confirmInsert', code: ins.code })}>
                    {t('pack.insertTap')}
                  </button>
                ))}
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
