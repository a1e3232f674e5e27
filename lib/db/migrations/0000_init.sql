CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"impersonated_by" text,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'viewer' NOT NULL,
	"banned" boolean DEFAULT false,
	"ban_reason" text,
	"ban_expires" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_email" text,
	"action" text NOT NULL,
	"target" text,
	"outcome" text NOT NULL,
	"ip_address" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "zim_app" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"app_id" bigint NOT NULL,
	"server_secret_ciphertext" text NOT NULL,
	"base_url" text DEFAULT 'https://zim-api.zego.im' NOT NULL,
	"is_production" boolean DEFAULT false NOT NULL,
	"rate_limits" jsonb NOT NULL,
	"size_limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recall_window_seconds" integer DEFAULT 120 NOT NULL,
	"broadcast_daily_limit" integer DEFAULT 100 NOT NULL,
	"test_group_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zim_app_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempt" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"email" text NOT NULL,
	"ip_address" text NOT NULL,
	"succeeded" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_broadcast" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_user_id" text NOT NULL,
	"message_type" integer NOT NULL,
	"sub_msg_type" integer,
	"message_body" jsonb NOT NULL,
	"push_type" integer NOT NULL,
	"audit_infos" jsonb,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_fault" (
	"action" text PRIMARY KEY NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"effect" text DEFAULT 'none' NOT NULL,
	"http_status" integer,
	"code" integer,
	"message" text,
	"after_processing" boolean NOT NULL,
	"times_left" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_group" (
	"group_id" text PRIMARY KEY NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"group_notice" text DEFAULT '' NOT NULL,
	"group_avatar" text DEFAULT '' NOT NULL,
	"owner_id" text NOT NULL,
	"last_msg_seq" bigint DEFAULT 0 NOT NULL,
	"group_data_seq" integer DEFAULT 1 NOT NULL,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_group_member" (
	"group_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" integer DEFAULT 3 NOT NULL,
	"nick_name" text DEFAULT '' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_group_member_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_group_message" (
	"msg_id" bigint PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"msg_seq" bigint,
	"from_user_id" text NOT NULL,
	"message_type" integer NOT NULL,
	"sub_msg_type" integer,
	"message_body" jsonb NOT NULL,
	"searched_content" text,
	"priority" integer NOT NULL,
	"no_unread" boolean DEFAULT false NOT NULL,
	"target_option" jsonb,
	"audit_infos" jsonb,
	"sent_at" timestamp with time zone NOT NULL,
	"recalled_at" timestamp with time zone,
	"recall_payload" text,
	CONSTRAINT "sandbox_group_message_seq_unique" UNIQUE("group_id","msg_seq")
);
--> statement-breakpoint
CREATE TABLE "sandbox_inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"group_id" text,
	"msg_seq" bigint,
	"msg_id" bigint,
	"broadcast_id" bigint,
	"from_user_id" text NOT NULL,
	"message_type" integer NOT NULL,
	"sub_msg_type" integer,
	"message_body" jsonb NOT NULL,
	"delivered" boolean NOT NULL,
	"unread" boolean NOT NULL,
	"targeted" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"recalled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"server_secret" text,
	"blocked_words" jsonb NOT NULL,
	"recall_window_seconds" integer DEFAULT 120 NOT NULL,
	"message_limit_bytes" integer DEFAULT 2048 NOT NULL,
	"multi_item_limit_bytes" integer DEFAULT 5120 NOT NULL,
	"extended_data_limit_bytes" integer DEFAULT 1024 NOT NULL,
	"broadcast_daily_limit" integer DEFAULT 100 NOT NULL,
	"max_receiver_user_ids" integer DEFAULT 1000 NOT NULL,
	"seeded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_settings_single_row" CHECK ("sandbox_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sandbox_user" (
	"user_id" text PRIMARY KEY NOT NULL,
	"user_name" text DEFAULT '' NOT NULL,
	"user_avatar" text DEFAULT '' NOT NULL,
	"registered" boolean DEFAULT true NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"push_registered" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_group_member" ADD CONSTRAINT "sandbox_group_member_group_id_sandbox_group_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sandbox_group"("group_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_id_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_id_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempt_email_at_idx" ON "sign_in_attempt" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempt_ip_at_idx" ON "sign_in_attempt" USING btree ("ip_address","at");--> statement-breakpoint
CREATE INDEX "sandbox_broadcast_sent_at_idx" ON "sandbox_broadcast" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "sandbox_group_member_user_idx" ON "sandbox_group_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sandbox_inbox_user_idx" ON "sandbox_inbox" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "sandbox_inbox_msg_idx" ON "sandbox_inbox" USING btree ("msg_id");