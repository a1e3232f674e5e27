/**
 * lib/zim's schemas speak English sentences. For other languages they are matched here against the sentences
 * they are built from and re-said from the "zimIssues" catalog; a sentence not listed stays in English (it is
 * still precise, just not translated). English passes through untouched.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const LABELS: Record<string, string> = {
  message: "message",
  "sender user ID": "sender",
  "group ID": "group",
  "receiver user ID": "receiver",
  "extended data": "extendedData",
  "search text (SearchedContent)": "searchedContent",
  "custom message sub-type (SubMsgType)": "subMsgType",
  "text message": "textMessage",
  "custom message": "customMessage",
  "command message": "commandMessage",
  "decoded command message": "decodedCommand",
  "multi-item message": "multiMessage",
  "image message": "imageMessage",
  "file message": "fileMessage",
  "audio message": "audioMessage",
  "video message": "videoMessage",
  "recall note (Payload)": "recallPayload",
  "unique ID": "uid",
  "file URL": "url",
  "image URL": "imageUrl",
  width: "width",
  height: "height",
  "file name": "fileName",
  size: "size",
  duration: "duration",
  "thumbnail URL": "thumbUrl",
  "thumbnail width": "thumbWidth",
  "thumbnail height": "thumbHeight",
};

const MEDIA_PREDICATES: [RegExp, string][] = [
  [/^must not be empty\.$|^is required/, "mediaRequired"],
  [/^is (?<bytes>[\d,]+) bytes?; the limit is (?<max>[\d,]+) bytes?\.$/, "mediaTooLong"],
  [/^must be a whole number\.$/, "mediaWhole"],
  [/^cannot be negative\.$/, "mediaNegative"],
  [/^must not be 0\.$/, "mediaNotZero"],
  [/^must be a number of seconds\.$/, "mediaSeconds"],
];

const SENTENCES: [RegExp, string][] = [
  [/^Enter the (?<label>.+)\.$/, "enter"],
  [/^The (?<label>.+) contains (?<chars>.+), which ZIM does not accept\./, "forbiddenChars"],
  [/^The (?<label>.+) is (?<bytes>[\d,]+) bytes long; ZIM allows at most (?<max>\d+)\.$/, "idTooLong"],
  [/^The (?<label>.+) is too long: (?<bytes>[\d,]+) bytes?, the limit is (?<max>[\d,]+) bytes?\./, "tooLong"],
  [/^The (?<label>.+) must be a whole number from (?<min>\d+) to (?<max>\d+)\.$/, "wholeRange"],
  [/^Custom messages need a sub-type/, "subTypeRequired"],
  [/^Base64 is on, so the message must be base64 text/, "notBase64"],
  [/^Only command messages \(type 2\) can be sent as base64\.$/, "base64OnlyCommand"],
  [/^The sender cannot be in the receiver list/, "senderListed"],
  [/^Add at least one member to send the message only to them\.$/, "onlyNeedsMembers"],
  [/^Add at least one member to leave out/, "exceptNeedsMembers"],
  [/^At most (?<max>[\d,]+) receivers are allowed\.$/, "tooManyReceivers"],
  [/^Choose the ZIM app to send through\.$/, "chooseApp"],
  [/^Paste or load at least one group ID\.$/, "groupListEmpty"],
  [/^None of the listed IDs is a valid group ID \((?<count>\d+) not valid\)\.$/, "groupListAllInvalid"],
  [/^More than (?<max>[\d,]+) group IDs: split the list/, "groupListOverMax"],
  [/^The list is larger than 4 MB/, "groupListTooLarge"],
];

function label(text: string, t: Translate): string {
  const slug = LABELS[text];
  return slug ? t(`labels.${slug}`) : text;
}

export function translateZimIssue(message: string, locale: string, t: Translate): string {
  if (locale.startsWith("en")) return message;
  const line = /^Line (?<line>\d+): (?<rest>.+)$/s.exec(message);
  if (line?.groups) return t("line", { line: line.groups.line!, rest: translateZimIssue(line.groups.rest!, locale, t) });
  const media = /^The (?<label>unique ID|file URL|image URL|width|height|file name|size|duration|thumbnail URL|thumbnail width|thumbnail height) (?<pred>.+)$/.exec(message);
  if (media?.groups) {
    for (const [re, key] of MEDIA_PREDICATES) {
      const m = re.exec(media.groups.pred!);
      if (m) return t(key, { label: label(media.groups.label!, t), ...m.groups });
    }
  }
  for (const [re, key] of SENTENCES) {
    const m = re.exec(message);
    if (!m) continue;
    const values: Record<string, string> = { ...m.groups };
    if (values.label) values.label = label(values.label, t);
    return t(key, values);
  }
  return message;
}
