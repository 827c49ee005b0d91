/** Cell readers shared by every import row schema: codes, names, numbers, dates, addresses, as zod transforms. */
import { z } from 'zod';
import { MAX_ID_CHARS, MAX_ORDER_NUMBER_CHARS } from '../../shared/protocol/event-limits.js';
import { isValidGtin, normaliseGtin } from '../../shared/scan/gtin.js';
import { isPlainMailAddress, normaliseMailAddress, visibleAddress } from '../notify/mail-address.js';
import type { ImportMessageKey } from './messages.js';

/** A message in the report's language. */
export type Msg = (key: ImportMessageKey, params?: Record<string, string | number>) => string;

/** Cell helpers: trimmed text; empty means absent. Codes and numbers are NFKC-normalised (full-width digits); names are kept as written. */
export function fields(msg: Msg) {
  // Codes travel in the handheld's events, which carry at most MAX_ID_CHARS of one (an order number at
  // most MAX_ORDER_NUMBER_CHARS): a longer one would make every event about it unsendable.
  const code = codeOfAtMost(MAX_ID_CHARS);
  function codeOfAtMost(max: number) {
    return z.string().transform((v, ctx) => {
      const s = v.normalize('NFKC').trim();
      if (s.length > max) ctx.addIssue({ code: 'custom', message: msg('tooLong', { value: `${s.slice(0, 20)}…`, max }) });
      return s;
    });
  }
  const required = (missing: ImportMessageKey = 'required') =>
    z.string().transform((v, ctx) => {
      const s = v.trim();
      if (!s) ctx.addIssue({ code: 'custom', message: msg(missing) });
      return s;
    });
  const requiredCode = (missing: ImportMessageKey = 'required') => code.pipe(required(missing));
  const optional = z.string().transform((v) => v.trim() || null);
  const integer = (min: number, tooLow: ImportMessageKey) =>
    code.transform((s, ctx) => {
      if (!/^-?\d+$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: s ? msg('notInteger', { value: s }) : msg('required') });
        return z.NEVER;
      }
      const n = Number(s);
      if (n < min) {
        ctx.addIssue({ code: 'custom', message: msg(tooLow, { value: n }) });
        return z.NEVER;
      }
      return n;
    });
  const date = code.transform((s, ctx) => {
    const m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
    const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
    if (!m || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: 'custom', message: s ? msg('badDate', { value: s }) : msg('required') });
      return z.NEVER;
    }
    return iso;
  });
  // Insert codes come as "L01;L06" (also ",", "、", "・" or spaces).
  const codeList = code.transform((s) => s.split(/[;,、・\s]+/).filter(Boolean));
  const gtins = code.transform((s, ctx) => {
    const list = s.split(/[;,、\s]+/).filter(Boolean);
    for (const g of list) if (!isValidGtin(g)) ctx.addIssue({ code: 'custom', message: msg('badGtin', { value: g }) });
    return list.map(normaliseGtin);
  });
  // The receipt mail goes to this address: one plain address, or the customer's mail could be redirected.
  const mailAddress = z.string().transform((v, ctx) => {
    const s = normaliseMailAddress(v);
    if (s && !isPlainMailAddress(s)) ctx.addIssue({ code: 'custom', message: msg('badEmail', { value: visibleAddress(s) }) });
    return s || null;
  });
  const orderNumber = codeOfAtMost(MAX_ORDER_NUMBER_CHARS).pipe(required());
  // 〒150-0001 / １５００００１ / 150 0001 all read as 150-0001.
  const postalCode = code.transform((s, ctx) => {
    if (!s) return null;
    const digits = s.replace(/^〒/, '').replace(/[-\s]/g, '');
    if (!/^\d{7}$/.test(digits)) {
      ctx.addIssue({ code: 'custom', message: msg('badPostalCode', { value: s }) });
      return z.NEVER;
    }
    return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  });
  const phone = code.transform((s, ctx) => {
    if (!s) return null;
    if (!/^\+?[\d-]+$/.test(s) || !/^\d{10,11}$/.test(s.replace(/-/g, ''))) {
      ctx.addIssue({ code: 'custom', message: msg('badPhone', { value: s }) });
      return z.NEVER;
    }
    return s;
  });
  const optionalDate = code.transform((s, ctx) => (s ? date.safeParse(s).data ?? (ctx.addIssue({ code: 'custom', message: msg('badDate', { value: s }) }), z.NEVER) : null));
  const boxCount = code.transform((s, ctx) => {
    if (!s) return 1;
    const n = Number(s);
    if (!/^\d+$/.test(s) || n < 1 || n > 99) {
      ctx.addIssue({ code: 'custom', message: msg('badBoxCount', { value: s }) });
      return z.NEVER;
    }
    return n;
  });
  return { postalCode, phone, optionalDate, boxCount, code, required, requiredCode, optional, integer, date, codeList, gtins, mailAddress, orderNumber };
}

