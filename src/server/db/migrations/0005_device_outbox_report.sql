ALTER TABLE "devices" ADD COLUMN "reported_pending" integer;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "reported_rejected" integer;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "reported_at" timestamp with time zone;