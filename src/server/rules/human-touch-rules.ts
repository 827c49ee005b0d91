/** Versioned human-touch rules: the console saves a new edition; parcels record the edition that set their flags. */
import { asc, desc, sql } from 'drizzle-orm';
import type { HumanTouchRule } from '../../shared/domain/catalogue.js';
import type { Tx } from '../db/client.js';
import * as t from '../db/schema.js';
import { upsertHumanTouchRule } from '../db/write-master-data.js';

/** The edition in force: the highest saved version, or 0 when the rules were only ever seeded. */
export async function currentRuleVersion(tx: Tx): Promise<number> {
  const rows = await tx.select({ v: sql<number>`coalesce(max(${t.humanTouchRuleVersions.version}), 0)` }).from(t.humanTouchRuleVersions);
  return Number(rows[0]?.v ?? 0);
}

/** The rules in force, one per flag that has one. */
export async function currentRules(tx: Tx): Promise<HumanTouchRule[]> {
  const rows = await tx.select().from(t.humanTouchRules).orderBy(asc(t.humanTouchRules.flag));
  return rows.map((r) => ({ flag: r.flag, instruction: r.instruction, instructionEn: r.instructionEn, insertCodes: r.insertCodes }));
}

/** Saved editions, newest first. */
export async function ruleHistory(tx: Tx, limit = 20) {
  const rows = await tx.select().from(t.humanTouchRuleVersions).orderBy(desc(t.humanTouchRuleVersions.version)).limit(limit);
  return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.createdAt.toISOString(), rules: r.rules }));
}

/**
 * Saves `rules` as the next edition: writes the history row and upserts each rule (stamped with the
 * change sequence, so devices pull the new instructions on their next sync). Returns the new version.
 */
export async function saveRules(tx: Tx, rules: HumanTouchRule[], note: string | null, now: Date): Promise<number> {
  const version = (await currentRuleVersion(tx)) + 1;
  await tx.insert(t.humanTouchRuleVersions).values({ version, rules, note, createdAt: now });
  for (const rule of rules) await upsertHumanTouchRule(tx, rule);
  return version;
}
