CREATE TABLE "carrier_mappings" (
	"method" text PRIMARY KEY NOT NULL,
	"carrier_id" text,
	"service" text
);
--> statement-breakpoint
CREATE TABLE "carrier_settings" (
	"carrier_id" text PRIMARY KEY NOT NULL,
	"label_scan" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" text PRIMARY KEY NOT NULL,
	"warehouse_id" text NOT NULL,
	"carrier_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_staff_id" text,
	"closed_by_device_id" text,
	"boxes_reported" integer,
	"manifest" jsonb
);
--> statement-breakpoint
CREATE TABLE "parcel_boxes" (
	"shipment_id" text NOT NULL,
	"box" integer NOT NULL,
	"expected_number" text,
	"bound_number" text,
	"bound_at" timestamp with time zone,
	"bound_by_device_id" text,
	"loaded_at" timestamp with time zone,
	"loaded_handover_id" text,
	"loaded_by_device_id" text,
	"loaded_by_staff_id" text,
	CONSTRAINT "parcel_boxes_shipment_id_box_pk" PRIMARY KEY("shipment_id","box")
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "receipt_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "default_carrier_id" text;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "carrier_id" text;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "carrier_service" text;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "box_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "recipient" jsonb;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "delivery_date" text;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "delivery_time_band" text;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "carrier_exported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "loading_block" text;--> statement-breakpoint
ALTER TABLE "parcels" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "shipment_id" text;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_boxes" ADD CONSTRAINT "parcel_boxes_shipment_id_parcels_shipment_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."parcels"("shipment_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handovers_warehouse_idx" ON "handovers" USING btree ("warehouse_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "parcel_boxes_expected_idx" ON "parcel_boxes" USING btree ("expected_number");--> statement-breakpoint
CREATE INDEX "parcel_boxes_bound_idx" ON "parcel_boxes" USING btree ("bound_number");--> statement-breakpoint
CREATE INDEX "parcel_boxes_handover_idx" ON "parcel_boxes" USING btree ("loaded_handover_id");