"use client";

import { useCallback, useRef, useState } from "react";

export interface Draft<V> {
  values: V;
  /** The idempotency key of this message: made when the form opened, kept with the draft. */
  key: string;
  savedAt: string;
}

/** Each form keeps its own draft per operator: "compose", "announcement". */
const storageKey = (form: string, operatorId: string) => `zim-console:${form}-draft:${operatorId}`;

function read<V>(form: string, operatorId: string): Draft<V> | null {
  try {
    const raw = window.localStorage.getItem(storageKey(form, operatorId));
    const draft = raw ? (JSON.parse(raw) as Draft<V>) : null;
    return draft && typeof draft.key === "string" && draft.values ? draft : null;
  } catch {
    return null;
  }
}

/**
 * A message form's draft, per operator, in this browser's storage: a reload (or a crash) loses nothing. The draft
 * carries the idempotency key, so a second tab opened on the same draft sends the same message at most once.
 * The key changes only when the message was sent (or the operator starts over).
 */
export function useFormDraft<V>(form: string, operatorId: string, initial: { fresh: boolean }) {
  const [key, setKey] = useState(() => globalThis.crypto.randomUUID());
  const [restored, setRestored] = useState<Draft<V> | null>(null);
  const keyRef = useRef(key);

  // Read once after mounting (never during render, so server and browser HTML agree).
  const load = useCallback((): Draft<V> | null => {
    if (initial.fresh) return null;
    const draft = read<V>(form, operatorId);
    if (draft) {
      keyRef.current = draft.key;
      setKey(draft.key);
      setRestored(draft);
    }
    return draft;
  }, [form, operatorId, initial.fresh]);

  /** Keeps the values; false when the browser's storage refused them (full or disabled). */
  const save = useCallback((values: V): boolean => {
    const draft: Draft<V> = { values, key: keyRef.current, savedAt: new Date().toISOString() };
    try {
      window.localStorage.setItem(storageKey(form, operatorId), JSON.stringify(draft));
      return true;
    } catch {
      // The form still works, only without a draft.
      return false;
    }
  }, [form, operatorId]);

  /** After a send (or "start over"): forget the draft and make a new key for the next message. */
  const reset = useCallback(() => {
    window.localStorage.removeItem(storageKey(form, operatorId));
    const next = globalThis.crypto.randomUUID();
    keyRef.current = next;
    setKey(next);
    setRestored(null);
    return next;
  }, [form, operatorId]);

  const rotateKey = useCallback(() => {
    const next = globalThis.crypto.randomUUID();
    keyRef.current = next;
    setKey(next);
    return next;
  }, []);

  return { key, restored, load, save, reset, rotateKey, setRestored };
}
