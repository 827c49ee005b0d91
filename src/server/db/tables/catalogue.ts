/**
 * The catalogue devices pull: products and their barcodes, ranks, gift codes, inserts, human-touch
 * rules (and their saved editions), return reasons.
 */
import { integer, jsonb, pgTable, primaryKey, text, index } from 'drizzle-orm/pg-core';
import type { HumanTouchFlag, HumanTouchRule } from '../../../shared/domain/catalogue.js';
import { changeSeq, ts } from './columns.js';

/** Products (商品). Barcodes live in product_barcodes. */
export const products = pgTable('products', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  location: text('location').notNull(),
  seq: changeSeq(),
});

/** JAN/EAN barcodes of a product (a product can have several). */
export const productBarcodes = pgTable(
  'product_barcodes',
  {
    barcode: text('barcode').notNull(),
    productCode: text('product_code').notNull().references(() => products.code),
    seq: changeSeq(),
  },
  (t) => [primaryKey({ columns: [t.barcode] }), index('product_barcodes_product_idx').on(t.productCode)],
);

/** Customer ranks (顧客ランク). */
export const ranks = pgTable('ranks', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  color: text('color').notNull(),
  sortOrder: integer('sort_order').notNull(),
  seq: changeSeq(),
});

/** Gift codes (ギフトコード): one code = one exact wrapping instruction. */
export const giftCodes = pgTable('gift_codes', {
  code: text('code').primaryKey(),
  wrapping: text('wrapping').notNull(),
  ribbon: text('ribbon'),
  noshiInscription: text('noshi_inscription'),
  noshiPlacement: text('noshi_placement').$type<'inner' | 'outer'>(),
  description: text('description').notNull(),
  seq: changeSeq(),
});

/** Inserts (同梱物); barcode null when the insert has none. */
export const inserts = pgTable('inserts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  barcode: text('barcode'),
  seq: changeSeq(),
});

/** The brand's instructions (for packing, and for the returns bench) and extra inserts per human-touch flag. */
export const humanTouchRules = pgTable('human_touch_rules', {
  flag: text('flag').$type<HumanTouchFlag>().primaryKey(),
  instruction: text('instruction').notNull(),
  instructionEn: text('instruction_en'),
  /** What returns staff do when they log this customer's return (the packing instruction is for the next parcel). */
  returnInstruction: text('return_instruction'),
  returnInstructionEn: text('return_instruction_en'),
  insertCodes: jsonb('insert_codes').$type<string[]>().notNull(),
  seq: changeSeq(),
});

/**
 * Every saved edition of the human-touch rules (instruction + inserts per flag), newest = highest
 * version. human_touch_rules holds the current edition (pulled by devices); this keeps the history so a
 * parcel's flag_rule_version can always be explained.
 */
export const humanTouchRuleVersions = pgTable('human_touch_rule_versions', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').$type<HumanTouchRule[]>().notNull(),
  note: text('note'),
  createdAt: ts('created_at').notNull(),
});

/** Return reasons (返品理由): configurable catalogue data, pulled by devices. */
export const returnReasons = pgTable('return_reasons', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  labelEn: text('label_en'),
  sortOrder: integer('sort_order').notNull(),
  seq: changeSeq(),
});
