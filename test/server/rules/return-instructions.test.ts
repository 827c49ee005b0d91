/**
 * Each human-touch flag carries an instruction for packing and one for the returns bench: the rules
 * page saves both, an empty returns instruction gets the default words, devices pull them, and rules
 * saved before the column existed were given the defaults by the migration. PGlite and PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentChangeSeq } from '../../../src/server/db/change-seq.js';
import * as t from '../../../src/server/db/schema.js';
import type { DemoApp } from '../../../src/server/demo/demo-app.js';
import { DEMO_HUMAN_TOUCH_RULES } from '../../../src/server/demo/demo-data.js';
import { resetDemo } from '../../../src/server/demo/seed-demo.js';
import { DEFAULT_RETURN_INSTRUCTIONS } from '../../../src/shared/domain/return-instructions.js';
import { humanTouchRulesResponseSchema } from '../../../src/shared/protocol/admin-console.js';
import { bearer } from '../../helpers/events.js';
import { useDemoApp } from '../../helpers/in-process-server.js';
import { TEST_DATABASE_TARGETS } from '../../helpers/test-databases.js';

const MIGRATIONS = fileURLToPath(new URL('../../../src/server/db/migrations/', import.meta.url));

/** The statements of the migration that added the returns instruction, after its ALTER TABLEs (the back-fill). */
function backFillStatements(): string[] {
  const file = readdirSync(MIGRATIONS).find((f) => f.endsWith('.sql') && readFileSync(MIGRATIONS + f, 'utf8').includes('ADD COLUMN "return_instruction"'));
  if (!file) throw new Error('no migration adds return_instruction');
  return readFileSync(MIGRATIONS + file, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('ALTER TABLE'));
}

describe.each(TEST_DATABASE_TARGETS)('returns-bench instructions on $name', (target) => {
  let demo: DemoApp;
  useDemoApp(target, (d) => (demo = d));
  beforeEach(async () => {
    await resetDemo(demo.database);
  });
  const admin = () => bearer(demo.adminToken);

  it('the demo rules carry both instructions, and the pull hands both to devices', async () => {
    const book = humanTouchRulesResponseSchema.parse((await demo.app.inject({ method: 'GET', url: '/api/admin/human-touch-rules', headers: admin() })).json());
    const firstReturn = book.rules.find((r) => r.flag === 'FIRST_RETURN')!;
    expect(firstReturn.instruction).toContain('緩衝材');
    expect(firstReturn.returnInstruction).toBe('初めての返品です。丁寧に検品し、気になる点はメモに残してください');
    const { token } = await demo.enrol();
    const pulled = await demo.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: bearer(token) });
    expect(pulled.json().catalogue.humanTouchRules).toContainEqual(expect.objectContaining({ flag: 'FIRST_RETURN', returnInstruction: firstReturn.returnInstruction, returnInstructionEn: expect.stringMatching(/first return/) }));
  });

  it('saves a brand’s own returns instruction, and gives a rule saved without one the default words', async () => {
    const rules = DEMO_HUMAN_TOUCH_RULES.map((r) => {
      if (r.flag === 'FIRST_RETURN') return { ...r, returnInstruction: '返品理由を必ず聞き取りメモへ', returnInstructionEn: null };
      if (r.flag === 'SECOND_PURCHASE') return { ...r, returnInstruction: '  ', returnInstructionEn: null };
      const { returnInstruction: _ja, returnInstructionEn: _en, ...older } = r;
      return older;
    });
    const put = await demo.app.inject({ method: 'PUT', url: '/api/admin/human-touch-rules', headers: admin(), payload: { rules, note: null } });
    expect(put.statusCode, put.body).toBe(200);
    const book = humanTouchRulesResponseSchema.parse(put.json());
    const byFlag = Object.fromEntries(book.rules.map((r) => [r.flag, r]));
    expect(byFlag.FIRST_RETURN).toMatchObject({ returnInstruction: '返品理由を必ず聞き取りメモへ', returnInstructionEn: null });
    expect(byFlag.SECOND_PURCHASE).toMatchObject({ returnInstruction: DEFAULT_RETURN_INSTRUCTIONS.SECOND_PURCHASE.ja, returnInstructionEn: DEFAULT_RETURN_INSTRUCTIONS.SECOND_PURCHASE.en });
    expect(byFlag.FIRST_PURCHASE).toMatchObject({ returnInstruction: DEFAULT_RETURN_INSTRUCTIONS.FIRST_PURCHASE.ja });
    // The edition kept in the history is the one in force, defaults included, so a parcel's flags stay explainable.
    expect(book.history[0].rules.find((r) => r.flag === 'FIRST_PURCHASE')?.returnInstruction).toBe(DEFAULT_RETURN_INSTRUCTIONS.FIRST_PURCHASE.ja);
  });

  it('the migration gave rules saved before the column the default words, stamped so devices pull them', async () => {
    // As an older server left them: no returns instruction.
    await demo.database.write((tx) => tx.update(t.humanTouchRules).set({ returnInstruction: null, returnInstructionEn: null }));
    const before = await demo.database.read((tx) => currentChangeSeq(tx));
    await demo.database.write(async (tx) => {
      for (const statement of backFillStatements()) await tx.execute(sql.raw(statement));
    });
    const after = await demo.database.read((tx) => currentChangeSeq(tx));
    expect(after).toBe(before + 1);
    const rows = await demo.database.read((tx) => tx.select().from(t.humanTouchRules));
    for (const row of rows) {
      expect(row).toMatchObject({ returnInstruction: DEFAULT_RETURN_INSTRUCTIONS[row.flag].ja, returnInstructionEn: DEFAULT_RETURN_INSTRUCTIONS[row.flag].en, seq: after });
    }
    // A rule that has its own words keeps them.
    await demo.database.write((tx) => tx.update(t.humanTouchRules).set({ returnInstruction: '独自の文' }).where(eq(t.humanTouchRules.flag, 'FIRST_RETURN')));
    await demo.database.write(async (tx) => {
      for (const statement of backFillStatements()) await tx.execute(sql.raw(statement));
    });
    const kept = await demo.database.read((tx) => tx.select().from(t.humanTouchRules).where(eq(t.humanTouchRules.flag, 'FIRST_RETURN')));
    expect(kept[0].returnInstruction).toBe('独自の文');
  });
});
