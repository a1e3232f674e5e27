CREATE TABLE "app_policy" (
	"app_key" text PRIMARY KEY NOT NULL,
	"grace_minutes" integer DEFAULT 15 NOT NULL,
	"announcement_approval" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"app_key" text NOT NULL,
	"app_name" text NOT NULL,
	"is_production" boolean NOT NULL,
	"request" json NOT NULL,
	"audience_size" integer,
	"local_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"occurrence" text,
	"recurrence" jsonb,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"send_on_approval" boolean DEFAULT false NOT NULL,
	"approval" text NOT NULL,
	"approved_version" integer,
	"reviewer_id" text,
	"reviewer_email" text,
	"review_reason" text,
	"reviewed_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"last_send_id" uuid,
	"attention_seen_at" timestamp with time zone,
	"created_by_id" text NOT NULL,
	"created_by_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" text NOT NULL,
	"updated_by_email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"send_id" uuid,
	"detail" jsonb,
	"dispatcher" text,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_run_item_due_unique" UNIQUE("item_id","due_at")
);
--> statement-breakpoint
ALTER TABLE "message_send" ALTER COLUMN "group_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "message_send" ALTER COLUMN "priority" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "message_send" ALTER COLUMN "recipient_mode" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "message_send" ADD COLUMN "kind" text DEFAULT 'group' NOT NULL;--> statement-breakpoint
ALTER TABLE "message_send" ADD COLUMN "push_type" integer;--> statement-breakpoint
ALTER TABLE "message_send" ADD COLUMN "scheduled_item_id" uuid;--> statement-breakpoint
ALTER TABLE "message_send" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scheduled_run" ADD CONSTRAINT "scheduled_run_item_id_scheduled_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."scheduled_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_item_due_idx" ON "scheduled_item" USING btree ("due_at") WHERE "scheduled_item"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "scheduled_item_lease_idx" ON "scheduled_item" USING btree ("lease_until") WHERE "scheduled_item"."status" in ('claimed', 'sending');--> statement-breakpoint
CREATE INDEX "scheduled_item_app_due_idx" ON "scheduled_item" USING btree ("app_key","due_at");--> statement-breakpoint
CREATE INDEX "scheduled_item_status_due_idx" ON "scheduled_item" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "scheduled_run_finished_idx" ON "scheduled_run" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "message_send_kind_app_created_idx" ON "message_send" USING btree ("kind","app_key","created_at");--> statement-breakpoint
CREATE INDEX "message_send_scheduled_item_idx" ON "message_send" USING btree ("scheduled_item_id") WHERE "message_send"."scheduled_item_id" is not null;