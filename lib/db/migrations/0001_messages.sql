CREATE TABLE "message_send" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	"app_key" text NOT NULL,
	"app_name" text NOT NULL,
	"app_id" bigint NOT NULL,
	"is_production" boolean NOT NULL,
	"from_user_id" text NOT NULL,
	"group_id" text NOT NULL,
	"message_type" integer NOT NULL,
	"priority" integer NOT NULL,
	"recipient_mode" text NOT NULL,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"audience_size" integer,
	"request" json NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"code" integer,
	"zim_message" text,
	"request_id" text,
	"msg_seq" bigint,
	"msg_id" text,
	"audit_infos" jsonb,
	"failure" jsonb,
	"operator_id" text NOT NULL,
	"operator_email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"recall_status" text,
	"recall" jsonb,
	CONSTRAINT "message_send_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "message_send_created_idx" ON "message_send" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "message_send_app_created_idx" ON "message_send" USING btree ("app_key","created_at","id");--> statement-breakpoint
CREATE INDEX "message_send_group_created_idx" ON "message_send" USING btree ("group_id","created_at","id");--> statement-breakpoint
CREATE INDEX "message_send_sender_created_idx" ON "message_send" USING btree ("from_user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "message_send_operator_created_idx" ON "message_send" USING btree ("operator_email","created_at","id");--> statement-breakpoint
CREATE INDEX "message_send_status_created_idx" ON "message_send" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "message_send_msg_seq_idx" ON "message_send" USING btree ("msg_seq") WHERE "message_send"."msg_seq" is not null;--> statement-breakpoint
CREATE INDEX "message_send_request_id_idx" ON "message_send" USING btree ("request_id") WHERE "message_send"."request_id" is not null;