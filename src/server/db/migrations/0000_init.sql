CREATE TABLE "change_counter" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"last_device_seq" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_device_id" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"device_seq" integer NOT NULL,
	"staff_id" text NOT NULL,
	"type" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_hash" text NOT NULL,
	"status" text NOT NULL,
	"result" jsonb NOT NULL,
	"shipment_id" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gift_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"wrapping" text NOT NULL,
	"ribbon" text,
	"noshi_inscription" text,
	"noshi_placement" text,
	"description" text NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "human_touch_rules" (
	"flag" text PRIMARY KEY NOT NULL,
	"instruction" text NOT NULL,
	"instruction_en" text,
	"insert_codes" jsonb NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inserts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"barcode" text,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"shipment_id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"order_number" text NOT NULL,
	"order_date" text NOT NULL,
	"customer_id" text NOT NULL,
	"customer_name" text NOT NULL,
	"customer_email" text,
	"rank_code" text NOT NULL,
	"purchase_count" integer NOT NULL,
	"return_count" integer NOT NULL,
	"parcels_since_first_return" integer NOT NULL,
	"flags" jsonb NOT NULL,
	"gift_code" text,
	"noshi_name" text,
	"message" text,
	"insert_codes" jsonb NOT NULL,
	"carrier" text NOT NULL,
	"status" text NOT NULL,
	"hold_reason" text,
	"lines" jsonb NOT NULL,
	"packed_by_staff_id" text,
	"packed_by_device_id" text,
	"packed_at" timestamp with time zone,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_barcodes" (
	"barcode" text NOT NULL,
	"product_code" text NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "product_barcodes_barcode_pk" PRIMARY KEY("barcode")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ranks" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"color" text NOT NULL,
	"sort_order" integer NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_codes" ADD CONSTRAINT "enrolment_codes_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_barcodes" ADD CONSTRAINT "product_barcodes_product_code_products_code_fk" FOREIGN KEY ("product_code") REFERENCES "public"."products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token_hash_idx" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "events_shipment_idx" ON "events" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "events_device_idx" ON "events" USING btree ("device_id","device_seq");--> statement-breakpoint
CREATE INDEX "parcels_warehouse_seq_idx" ON "parcels" USING btree ("warehouse_id","seq");--> statement-breakpoint
CREATE INDEX "product_barcodes_product_idx" ON "product_barcodes" USING btree ("product_code");