/** Resolves a parcel against the catalogue into exactly what the packer must do. */
import type { GiftCode, HumanTouchFlag, Rank } from './catalogue.js';
import type { CatalogueIndex } from './catalogue-index.js';
import type { Parcel } from './parcel.js';
import { expectedUnits } from './parcel-units.js';
import { packStatusBlock, type PackStatusBlock } from './pack-rules.js';

/** The gift instruction of a parcel: none, an exact catalogue pattern, or an unknown code that blocks packing. */
export type ResolvedGift =
  | { status: 'none' }
  | { status: 'ok'; gift: GiftCode; noshiName: string | null; message: string | null }
  | { status: 'unknown'; code: string };

/** An insert to add, from the order itself or from a human-touch rule. */
export interface ResolvedInsert {
  code: string;
  name: string | null;
  barcode: string | null;
  source: 'order' | 'flag';
}

/** A product line with what the packer needs to find and check it. */
export interface ResolvedLine {
  productCode: string;
  name: string | null;
  location: string | null;
  qty: number;
}

/** A human-touch flag with the brand's instruction for it. */
export interface ResolvedFlag {
  flag: HumanTouchFlag;
  instruction: string | null;
  instructionEn: string | null;
}

/** Why a parcel cannot be packed at all, before any item is scanned. */
export type ParcelBlock =
  | PackStatusBlock
  | { reason: 'giftUnknown'; code: string }
  | { reason: 'insertUnknown'; code: string }
  | { reason: 'productUnknown'; code: string };

/** Everything the parcel card shows. */
export interface ResolvedParcel {
  parcel: Parcel;
  rank: Rank | null;
  gift: ResolvedGift;
  flags: ResolvedFlag[];
  inserts: ResolvedInsert[];
  lines: ResolvedLine[];
  totalUnits: number;
  block: ParcelBlock | null;
}

/** Resolves gift code, inserts (order + flag rules, without repeats), flags and lines; notes what blocks packing. */
export function resolveParcel(parcel: Parcel, index: CatalogueIndex): ResolvedParcel {
  const gift: ResolvedGift = !parcel.giftCode
    ? { status: 'none' }
    : index.giftByCode.has(parcel.giftCode)
      ? { status: 'ok', gift: index.giftByCode.get(parcel.giftCode)!, noshiName: parcel.noshiName, message: parcel.message }
      : { status: 'unknown', code: parcel.giftCode };

  const flags: ResolvedFlag[] = parcel.flags.map((flag) => {
    const rule = index.ruleByFlag.get(flag);
    return { flag, instruction: rule?.instruction ?? null, instructionEn: rule?.instructionEn ?? null };
  });

  const inserts: ResolvedInsert[] = [];
  const seen = new Set<string>();
  const addInsert = (code: string, source: ResolvedInsert['source']) => {
    if (seen.has(code)) return;
    seen.add(code);
    const insert = index.insertByCode.get(code);
    inserts.push({ code, name: insert?.name ?? null, barcode: insert?.barcode ?? null, source });
  };
  for (const code of parcel.insertCodes) addInsert(code, 'order');
  for (const flag of parcel.flags) for (const code of index.ruleByFlag.get(flag)?.insertCodes ?? []) addInsert(code, 'flag');

  const lines: ResolvedLine[] = [...expectedUnits(parcel)].map(([productCode, qty]) => {
    const product = index.productByCode.get(productCode);
    return { productCode, name: product?.name ?? null, location: product?.location ?? null, qty };
  });

  return {
    parcel,
    rank: index.rankByCode.get(parcel.rankCode) ?? null,
    gift,
    flags,
    inserts,
    lines,
    totalUnits: lines.reduce((sum, l) => sum + l.qty, 0),
    block: findBlock(parcel, gift, inserts, lines),
  };
}

function findBlock(parcel: Parcel, gift: ResolvedGift, inserts: ResolvedInsert[], lines: ResolvedLine[]): ParcelBlock | null {
  const statusBlock = packStatusBlock(parcel);
  if (statusBlock) return statusBlock;
  if (gift.status === 'unknown') return { reason: 'giftUnknown', code: gift.code };
  const unknownInsert = inserts.find((i) => i.name === null);
  if (unknownInsert) return { reason: 'insertUnknown', code: unknownInsert.code };
  const unknownProduct = lines.find((l) => l.name === null);
  if (unknownProduct) return { reason: 'productUnknown', code: unknownProduct.productCode };
  return null;
}
