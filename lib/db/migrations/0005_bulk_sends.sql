CREATE TABLE "rate_slot" (
	"lane" text NOT NULL,
	"slot" integer NOT NULL,
	"frees_at" timestamp (6) with time zone NOT NULL,
	"holder" text,
	CONSTRAINT "rate_slot_lane_slot_pk" PRIMARY KEY("lane","slot")
);
--> statement-breakpoint
CREATE TABLE "bulk_send" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"create_key" text NOT NULL,
	"app_key" text NOT NULL,
	"app_name" text NOT NULL,
	"app_id" bigint NOT NULL,
	"is_production" boolean NOT NULL,
	"from_user_id" text NOT NULL,
	"message_type" integer NOT NULL,
	"priority" integer NOT NULL,
	"recipient_mode" text NOT NULL,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"template" json NOT NULL,
	"per_second" integer NOT NULL,
	"recall_window_seconds" integer NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"delivered_count" integer DEFAULT 0 NOT NULL,
	"blocked_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"unknown_count" integer DEFAULT 0 NOT NULL,
	"cancelled_count" integer DEFAULT 0 NOT NULL,
	"scheduled_item_id" uuid,
	"scheduled_for" timestamp with time zone,
	"recall_state" text,
	"recall_requested_by_email" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_by_id" text NOT NULL,
	"created_by_email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"controlled_by_email" text,
	"controlled_at" timestamp with time zone,
	CONSTRAINT "bulk_send_create_key_unique" UNIQUE("create_key")
);
--> statement-breakpoint
CREATE TABLE "bulk_target" (
	"bulk_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"group_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"code" integer,
	"zim_message" text,
	"request_id" text,
	"msg_seq" bigint,
	"msg_id" text,
	"audit_infos" jsonb,
	"failure" jsonb,
	"attempted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"recall_status" text,
	"recall_code" integer,
	"recall_message" text,
	"recall_request_id" text,
	"recall_at" timestamp with time zone,
	CONSTRAINT "bulk_target_bulk_id_seq_pk" PRIMARY KEY("bulk_id","seq"),
	CONSTRAINT "bulk_target_group_unique" UNIQUE("bulk_id","group_id")
);
--> statement-breakpoint
ALTER TABLE "bulk_target" ADD CONSTRAINT "bulk_target_bulk_id_bulk_send_id_fk" FOREIGN KEY ("bulk_id") REFERENCES "public"."bulk_send"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_send_created_idx" ON "bulk_send" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "bulk_send_runnable_idx" ON "bulk_send" USING btree ("lease_until") WHERE "bulk_send"."status" in ('queued', 'running') or "bulk_send"."recall_state" = 'running';--> statement-breakpoint
CREATE INDEX "bulk_target_status_idx" ON "bulk_target" USING btree ("bulk_id","status","seq");--> statement-breakpoint
CREATE INDEX "bulk_target_recall_idx" ON "bulk_target" USING btree ("bulk_id","recall_status","seq") WHERE "bulk_target"."recall_status" is not null;--> statement-breakpoint
CREATE INDEX "bulk_target_completed_idx" ON "bulk_target" USING btree ("bulk_id","completed_at") WHERE "bulk_target"."completed_at" is not null;