/** The return-receipt e-mail: a Japanese template and an English one, chosen by the customer's locale. */
import type { ReturnCondition } from '../../shared/protocol/events.js';
import type { ReturnNotice } from './return-notice.js';

/** A rendered message. */
export interface RenderedMail {
  lang: 'ja' | 'en';
  subject: string;
  text: string;
}

/** English for an English locale (en, en-GB …); Japanese for everything else, unknown included. */
function mailLanguageOf(locale: string | null): 'ja' | 'en' {
  return locale && /^en\b/i.test(locale.trim()) ? 'en' : 'ja';
}

/** A Message-ID derived from the receipt only: every resend of one receipt carries the same one. */
export function messageIdOf(receiptId: string, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(mailFrom)?.[1] ?? 'floorpack.invalid';
  return `<return-${receiptId}@${domain}>`;
}

const CONDITION: Record<ReturnCondition, { ja: string; en: string }> = {
  unopened: { ja: '未開封', en: 'unopened' },
  opened: { ja: '開封済', en: 'opened' },
  damaged: { ja: '破損', en: 'damaged' },
  missing: { ja: '同梱なし', en: 'not in the parcel' },
};

/** Renders the receipt mail in the customer's language. */
export function renderReturnMail(notice: ReturnNotice): RenderedMail {
  const lang = mailLanguageOf(notice.locale);
  const arrived = notice.items.filter((i) => i.condition !== 'missing');
  const missing = notice.items.filter((i) => i.condition === 'missing');
  const date = notice.receivedAt.slice(0, 10);
  if (lang === 'en') {
    const lines = [
      `Dear ${notice.customerName},`,
      '',
      `We have received the items you returned from order ${notice.orderNumber} (${date}).`,
      '',
      'Items received:',
      ...arrived.map((i) => `  - ${i.name} (${i.productCode}) x ${i.qty} — ${CONDITION[i.condition].en}`),
      ...(missing.length
        ? ['', 'We could not find these items in the parcel; we will contact you if anything is needed:', ...missing.map((i) => `  - ${i.name} (${i.productCode}) x ${i.qty}`)]
        : []),
      '',
      'We will let you know once the return has been processed.',
      'Thank you for shopping with us.',
    ];
    return { lang, subject: `We have received your return (order ${notice.orderNumber})`, text: lines.join('\n') };
  }
  const lines = [
    `${notice.customerName} 様`,
    '',
    `ご注文番号 ${notice.orderNumber} の返品商品を ${date} に受け取りました。`,
    '',
    '受け取った商品:',
    ...arrived.map((i) => `  ・${i.name}（${i.productCode}）× ${i.qty}　${CONDITION[i.condition].ja}`),
    ...(missing.length
      ? ['', '以下の商品は返品物に含まれていませんでした。必要に応じてご連絡いたします:', ...missing.map((i) => `  ・${i.name}（${i.productCode}）× ${i.qty}`)]
      : []),
    '',
    '返品の処理が完了しましたら、あらためてお知らせいたします。',
    'このたびはご利用いただき、誠にありがとうございます。',
  ];
  return { lang, subject: `【返品受付】ご注文番号 ${notice.orderNumber} の返品を受け付けました`, text: lines.join('\n') };
}
