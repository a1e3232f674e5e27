import { useTranslations } from "next-intl";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");

function parse(text: string): Json {
  try {
    return obj(JSON.parse(text));
  } catch {
    return {};
  }
}

/** A media item as a card; the file itself is not fetched (the console never loads operator-given URLs). */
function Media({ type, media }: { type: number; media: Json }) {
  const t = useTranslations("messagePreview");
  const origin = obj(media.Origin);
  const name = str(media.FileName) || t("noFileName");
  const facts = [
    typeof origin.Width === "number" && typeof origin.Height === "number" ? `${origin.Width}×${origin.Height}` : "",
    typeof media.Size === "number" ? t("size", { bytes: media.Size }) : "",
    typeof media.MediaDuration === "number" ? t("duration", { seconds: media.MediaDuration }) : "",
  ].filter(Boolean);
  return (
    <div className="flex items-center gap-2 rounded-md border border-slate-300 bg-white/70 p-2 dark:border-slate-600 dark:bg-slate-900/50">
      <span aria-hidden className="text-xl">{({ 11: "🖼", 12: "📄", 13: "🔊", 14: "🎬" } as Record<number, string>)[type] ?? "📎"}</span>
      <span className="min-w-0">
        <span className="block truncate font-medium">{t(`mediaKind.${type}`)}: {name}</span>
        {facts.length ? <span className="block text-xs opacity-80">{facts.join(" · ")}</span> : null}
        <span className="block truncate text-xs opacity-70">{str(media.Url) || str(origin.Url)}</span>
      </span>
    </div>
  );
}

/** What a receiver sees of one message (or one item of a multi-item message). */
export function MessageContent({ type, message, subMsgType }: { type: number; message: string; subMsgType?: number }) {
  const t = useTranslations("messagePreview");
  if (type === 1) return <p className="break-words whitespace-pre-wrap">{message || <em className="opacity-60">{t("empty")}</em>}</p>;
  if (type === 200) {
    return (
      <div className="space-y-1">
        <p className="text-xs font-medium opacity-80">{t("custom", { sub: subMsgType ?? "?" })}</p>
        <p className="font-mono text-xs break-all whitespace-pre-wrap">{message || t("empty")}</p>
      </div>
    );
  }
  if (type === 2) {
    return (
      <div className="space-y-1">
        <p className="text-xs font-medium opacity-80">{t("command")}</p>
        <p className="font-mono text-xs break-all">{message || t("empty")}</p>
      </div>
    );
  }
  if (type === 10) {
    const items = Array.isArray(parse(message).MultiMsg) ? (parse(message).MultiMsg as unknown[]).map(obj) : [];
    return (
      <div className="space-y-2">
        {items.map((item, i) => (
          <MessageContent key={i} type={Number(item.MsgType)} message={str(item.Msg)}
            subMsgType={typeof item.SubMsgType === "number" ? item.SubMsgType : undefined} />
        ))}
      </div>
    );
  }
  return <Media type={type} media={parse(message)} />;
}
