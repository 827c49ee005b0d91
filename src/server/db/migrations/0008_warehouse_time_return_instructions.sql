ALTER TABLE "warehouses" ADD COLUMN "time_zone" text DEFAULT 'Asia/Tokyo' NOT NULL;--> statement-breakpoint
ALTER TABLE "human_touch_rules" ADD COLUMN "return_instruction" text;--> statement-breakpoint
ALTER TABLE "human_touch_rules" ADD COLUMN "return_instruction_en" text;--> statement-breakpoint
-- Rules saved before the returns bench had its own words get the defaults of src/shared/domain/return-instructions.ts,
-- stamped with one new change so devices pull them on their next sync.
UPDATE "change_counter" SET "last_seq" = "last_seq" + 1 WHERE "id" = 1 AND EXISTS (SELECT 1 FROM "human_touch_rules");--> statement-breakpoint
UPDATE "human_touch_rules" SET
  "return_instruction" = CASE "flag"
    WHEN 'FIRST_PURCHASE' THEN '初めてのご購入品の返品です。状態を丁寧に確かめ、返品理由を必ず選んでください'
    WHEN 'SECOND_PURCHASE' THEN '2回目のご購入品の返品です。返品理由を必ず選び、気になる点はメモに残してください'
    WHEN 'FIRST_RETURN' THEN '初めての返品です。丁寧に検品し、気になる点はメモに残してください'
  END,
  "return_instruction_en" = CASE "flag"
    WHEN 'FIRST_PURCHASE' THEN 'A return of their first purchase: check its state with care and always choose the reason.'
    WHEN 'SECOND_PURCHASE' THEN 'A return of their second purchase: always choose the reason and note anything that concerns you.'
    WHEN 'FIRST_RETURN' THEN 'Their first return: inspect with care and note anything that concerns you.'
  END,
  "seq" = (SELECT "last_seq" FROM "change_counter" WHERE "id" = 1)
WHERE "return_instruction" IS NULL;
