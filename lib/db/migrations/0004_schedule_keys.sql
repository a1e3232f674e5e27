ALTER TABLE "scheduled_item" ADD COLUMN "create_key" text;--> statement-breakpoint
CREATE INDEX "scheduled_item_attention_idx" ON "scheduled_item" USING btree ("created_by_id") WHERE "scheduled_item"."attention_seen_at" is null;--> statement-breakpoint
ALTER TABLE "scheduled_item" ADD CONSTRAINT "scheduled_item_create_key_unique" UNIQUE("create_key");