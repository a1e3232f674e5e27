import { z } from "zod";
import { maxBytes } from "./ids";

/** zim-api.md §3.2: the JSON carried (as a string) in Message for image, file, audio and video messages. */
const url = z.string().min(1).pipe(maxBytes(500));
const fileName = z.string().min(1).pipe(maxBytes(150));
const size = z.number().int().nonnegative().optional();
const picture = z.looseObject({ Url: url, Width: z.number().nonnegative(), Height: z.number().nonnegative() });

const image = z.looseObject({
  Uid: z.string().min(1),
  Origin: picture,
  LargeImage: picture.optional(),
  Thumbnail: picture.optional(),
  FileName: fileName,
  Size: size,
});
const file = z.looseObject({ Uid: z.string().min(1), Url: url, FileName: fileName, Size: size });
const audio = file.extend({ MediaDuration: z.number().nonnegative().optional() });
// The first frame's Width/Height must be non-zero when a Thumbnail is given.
const video = audio.extend({
  Thumbnail: z.looseObject({ Url: url, Width: z.number().positive(), Height: z.number().positive() }).optional(),
});

const MEDIA_SCHEMAS: Record<number, z.ZodType> = { 11: image, 12: file, 13: audio, 14: video };

export function isMediaType(messageType: number): boolean {
  return messageType in MEDIA_SCHEMAS;
}

/** True when `text` is the JSON a media message of this type must carry. */
export function isValidMediaJson(messageType: number, text: string): boolean {
  const schema = MEDIA_SCHEMAS[messageType];
  if (!schema) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return schema.safeParse(parsed).success;
}
