"use client";

import { useCallback, useRef, useState } from "react";
import type { ComposeValues } from "@/lib/messages/compose-form";

export interface Draft<V = ComposeValues> {
  values: V;
  /** The idempotency key of this composed message: made when the composer opened, kept with the draft. */
  key: string;
  savedAt: string;
}

const storageKey = (scope: string) => `zim-console:compose-draft:${scope}`;

function read<V>(scope: string): Draft<V> | null {
  try {
    const raw = window.localStorage.getItem(storageKey(scope));
    const draft = raw ? (JSON.parse(raw) as Draft<V>) : null;
    return draft && typeof draft.key === "string" && draft.values ? draft : null;
  } catch {
    return null;
  }
}

/**
 * The composer's draft, per operator, in this browser's storage: a reload (or a crash) loses nothing. The draft
 * carries the idempotency key, so a second tab opened on the same draft sends the same message at most once.
 * The key changes only when the message was sent (or the operator starts over). `scope` is the operator's id,
 * plus the item and its version when an existing scheduled item is being edited (its own draft, apart).
 */
export function useComposeDraft<V extends ComposeValues = ComposeValues>(operatorId: string, initial: { values: V; fresh: boolean }) {
  const [key, setKey] = useState(() => globalThis.crypto.randomUUID());
  const [restored, setRestored] = useState<Draft<V> | null>(null);
  const keyRef = useRef(key);

  // Read once after mounting (never during render, so server and browser HTML agree).
  const load = useCallback((): Draft<V> | null => {
    if (initial.fresh) return null;
    const draft = read<V>(operatorId);
    if (draft) {
      keyRef.current = draft.key;
      setKey(draft.key);
      setRestored(draft);
    }
    return draft;
  }, [operatorId, initial.fresh]);

  const save = useCallback((values: V) => {
    const draft: Draft<V> = { values, key: keyRef.current, savedAt: new Date().toISOString() };
    try {
      window.localStorage.setItem(storageKey(operatorId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the composer still works, only without a draft.
    }
  }, [operatorId]);

  /** After a send (or "start over"): forget the draft and make a new key for the next message. */
  const reset = useCallback(() => {
    window.localStorage.removeItem(storageKey(operatorId));
    const next = globalThis.crypto.randomUUID();
    keyRef.current = next;
    setKey(next);
    setRestored(null);
    return next;
  }, [operatorId]);

  const rotateKey = useCallback(() => {
    const next = globalThis.crypto.randomUUID();
    keyRef.current = next;
    setKey(next);
    return next;
  }, []);

  return { key, restored, load, save, reset, rotateKey, setRestored };
}
