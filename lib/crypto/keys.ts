import "server-only";
import fs from "node:fs";
import path from "node:path";
import { hkdfSync, randomBytes } from "node:crypto";
import { getEnv, type Env } from "@/lib/env";

const KEY_FILE = "console-secret.key";

/**
 * The console's root key: CONSOLE_SECRET_KEY, or a key file generated once in DATA_DIR (mode 0600) for the
 * single-instance embedded set-up. Every other key is derived from it, one per purpose, so none is reused.
 */
export function loadRootKey(env: Env = getEnv()): Buffer {
  if (env.CONSOLE_SECRET_KEY) return decodeKey(env.CONSOLE_SECRET_KEY);
  const file = path.resolve(env.DATA_DIR, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return decodeKey(fs.readFileSync(file, "utf8").trim());
}

export type KeyPurpose = "zim-app-secret" | "auth-session";

export function deriveKey(purpose: KeyPurpose, root: Buffer = loadRootKey()): Buffer {
  return Buffer.from(hkdfSync("sha256", root, Buffer.alloc(0), `zim-console/${purpose}`, 32));
}

function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
}
