import { z } from "zod";
import { MEDIA_FILE_NAME_MAX_BYTES, MEDIA_URL_MAX_BYTES } from "../limits";
import { MESSAGE_TYPE_LABELS, type MediaMessageType } from "../message-types";
import { formatBytes, utf8ByteLength } from "../utf8";

/**
 * The JSON carried, as a string, in `Message` of image (11), file (12), audio (13) and video (14) messages
 * (zim-api.md §3.2). Unknown keys inside are left alone: the server ignores them and SDK-built messages carry extras.
 */
// Messages are predicates; mediaMessageProblems puts the field path in front ("Origin.Url must not be empty.").
function boundedText(max: number) {
  return z
    .string({ error: "is required and must be text." })
    .min(1, "must not be empty.")
    .refine((v) => utf8ByteLength(v) <= max, {
      error: (issue) => `is ${formatBytes(utf8ByteLength(String(issue.input)))}; the limit is ${formatBytes(max)}.`,
    });
}

const count = () => z.int({ error: "must be a whole number." }).min(0, "cannot be negative.");
const uid = z.string({ error: "is required (a unique ID you choose)." }).min(1, "must not be empty.");
const url = boundedText(MEDIA_URL_MAX_BYTES);
const fileName = boundedText(MEDIA_FILE_NAME_MAX_BYTES);

const objectError = { error: "must be a JSON object." };
const picture = z.object(
  { Url: url, Width: count().optional(), Height: count().optional() },
  { error: "is required: an object with Url, Width and Height." },
);
/** A video's first frame: Width and Height, when given, must not be 0. */
const videoFrame = z.object(
  {
    Url: url,
    Width: count().min(1, "must not be 0.").optional(),
    Height: count().min(1, "must not be 0.").optional(),
  },
  { error: "is required: an object with Url, Width and Height." },
);

export const imageContentSchema = z.object(
  {
    Uid: uid,
    Origin: picture,
    LargeImage: picture.optional(),
    Thumbnail: picture.optional(),
    FileName: fileName,
    Size: count().optional(),
  },
  objectError,
);

export const fileContentSchema = z.object(
  { Uid: uid, Url: url, FileName: fileName, Size: count().optional() },
  objectError,
);

export const audioContentSchema = fileContentSchema.extend({
  MediaDuration: z.number({ error: "must be a number of seconds." }).min(0, "cannot be negative.").optional(),
});

export const videoContentSchema = audioContentSchema.extend({ Thumbnail: videoFrame.optional() });

const CONTENT: Record<MediaMessageType, z.ZodType> = {
  11: imageContentSchema,
  12: fileContentSchema,
  13: audioContentSchema,
  14: videoContentSchema,
};

/**
 * Problems with a media `Message` string, as sentences for the operator; empty when it is fine. `what` names the
 * message in those sentences (a multi-item message passes "Item 2 (file)").
 */
export function mediaMessageProblems(
  type: MediaMessageType,
  text: string,
  what = `The ${MESSAGE_TYPE_LABELS[type]} message`,
): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [`${what} must be JSON text describing the ${MESSAGE_TYPE_LABELS[type]} (Uid, Url, FileName …).`];
  }
  const result = CONTENT[type].safeParse(parsed);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    issue.path.length === 0 ? `${what} ${issue.message}` : `${what}: ${issue.path.join(".")} ${issue.message}`,
  );
}
