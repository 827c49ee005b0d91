CREATE TABLE "pick_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"shape" text NOT NULL,
	"insert_codes" jsonb NOT NULL,
	"gift_code" text,
	"shipment_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"claimed_by_staff_id" text,
	"claimed_by_device_id" text,
	"claimed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"picked" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"short_shipment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pick_batches" ADD CONSTRAINT "pick_batches_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pick_batches_warehouse_seq_idx" ON "pick_batches" USING btree ("warehouse_id","seq");--> statement-breakpoint
CREATE INDEX "pick_batches_warehouse_status_idx" ON "pick_batches" USING btree ("warehouse_id","status");