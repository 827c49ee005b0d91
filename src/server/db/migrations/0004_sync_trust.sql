CREATE TABLE "supervisor_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"kind" text NOT NULL,
	"device_id" text,
	"staff_id" text,
	"shipment_id" text,
	"event_id" uuid,
	"message" text NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "pin_hash" text;--> statement-breakpoint
ALTER TABLE "supervisor_flags" ADD CONSTRAINT "supervisor_flags_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_flags" ADD CONSTRAINT "supervisor_flags_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervisor_flags_warehouse_idx" ON "supervisor_flags" USING btree ("warehouse_id","created_at");--> statement-breakpoint
CREATE INDEX "supervisor_flags_device_idx" ON "supervisor_flags" USING btree ("device_id");