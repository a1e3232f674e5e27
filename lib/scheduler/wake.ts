import "server-only";

/**
 * How item verbs (create, edit, approve) tell the dispatcher that an item is due at a time. The dispatcher in this
 * process registers itself; with no dispatcher running here (a console on PostgreSQL whose dispatching is done by
 * `npm run worker`), the wake-up goes through the job engine's table all the same, so a worker picks it up.
 * Waking is only a hint: the dispatcher also finds due items by scanning, so a lost wake-up delays, never loses.
 */
export interface Waker {
  wake(item: { id: string; version: number; dueAt: Date }): Promise<void>;
}

const holder = globalThis as typeof globalThis & { __scheduleWaker?: Waker };

export function registerWaker(waker: Waker | undefined): void {
  holder.__scheduleWaker = waker;
}

/** Clears the registration if it is still `waker` (a second dispatcher in the process may have taken over). */
export function unregisterWaker(waker: Waker): void {
  if (holder.__scheduleWaker === waker) holder.__scheduleWaker = undefined;
}

export async function wakeDispatcher(item: { id: string; version: number; dueAt: Date }): Promise<void> {
  await holder.__scheduleWaker?.wake(item);
}
