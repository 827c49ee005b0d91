/** Versioned human-touch rules: the console saves a new edition; parcels record the edition that set their flags. */
import { asc, desc, sql } from 'drizzle-orm';
import type { HumanTouchRule } from '../../shared/domain/catalogue.js';
import { withReturnInstruction } from '../../shared/domain/return-instructions.js';
import type { HumanTouchRulesResponse } from '../../shared/protocol/admin-console.js';
import type { Database, Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { upsertHumanTouchRule } from '../db/write-master-data.js';
import { ruleOf } from '../sync/load-catalogue.js';

/** The edition in force: the highest saved version, or 0 when the rules were only ever seeded. */
export async function currentRuleVersion(tx: Tx): Promise<number> {
  const rows = await tx.select({ v: sql<number>`coalesce(max(${t.humanTouchRuleVersions.version}), 0)` }).from(t.humanTouchRuleVersions);
  return Number(rows[0]?.v ?? 0);
}

/** The rules in force, one per flag that has one. */
async function currentRules(tx: Tx): Promise<HumanTouchRule[]> {
  const rows = await tx.select().from(t.humanTouchRules).orderBy(asc(t.humanTouchRules.flag));
  return rows.map(ruleOf);
}

/** Saved editions, newest first. */
async function ruleHistory(tx: Tx, limit = 20) {
  const rows = await tx.select().from(t.humanTouchRuleVersions).orderBy(desc(t.humanTouchRuleVersions.version)).limit(limit);
  return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.createdAt.toISOString(), rules: r.rules }));
}

/** The rules in force, their version and the latest editions, as the console shows them. */
export async function loadRuleBook(database: Database): Promise<HumanTouchRulesResponse> {
  return database.read(readRuleBook);
}

async function readRuleBook(tx: Tx): Promise<HumanTouchRulesResponse> {
  return { version: await currentRuleVersion(tx), rules: await currentRules(tx), history: await ruleHistory(tx) };
}

/**
 * Saves `rules` as the next edition: writes the history row and upserts each rule (stamped with the
 * change sequence, so devices pull the new instructions on their next sync). Returns the new version.
 */
export async function saveRules(tx: Tx, rules: HumanTouchRule[], note: string | null, now: Date): Promise<number> {
  const version = (await currentRuleVersion(tx)) + 1;
  const filled = rules.map(withReturnInstruction);
  await tx.insert(t.humanTouchRuleVersions).values({ version, rules: filled, note, createdAt: now });
  for (const rule of filled) await upsertHumanTouchRule(tx, rule);
  return version;
}

/** Saves a new edition unless it names inserts the catalogue does not have; answers the rule book after it, or those codes. */
export async function saveRuleEdition(
  database: Database,
  rules: HumanTouchRule[],
  note: string | null,
  now: Date,
): Promise<{ saved: HumanTouchRulesResponse } | { unknownInserts: string[] }> {
  return database.write(async (tx) => {
    const known = new Set((await tx.select({ code: t.inserts.code }).from(t.inserts)).map((i) => i.code));
    const unknownInserts = rules.flatMap((r) => r.insertCodes).filter((c) => !known.has(c));
    if (unknownInserts.length > 0) return { unknownInserts };
    await saveRules(tx, rules, note, now);
    return { saved: await readRuleBook(tx) };
  });
}
