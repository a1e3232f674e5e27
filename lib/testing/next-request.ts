// Next's server sets up AsyncLocalStorage on globalThis before any request-scoped module loads; so must a test.
import "next/dist/server/node-environment-baseline";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

/**
 * Runs `fn` in the request scope Next.js gives a server action (built with Next's own store factories), so the
 * action's headers(), cookies(), revalidatePath() and next-intl's getTranslations() behave as in `next start`.
 * Tests import this module before any action module.
 */
export function inNextRequest<T>(headers: Headers, fn: () => Promise<T>): Promise<T> {
  const work = createWorkStore({
    page: "/",
    renderOpts: { experimental: {}, incrementalCache: {} } as never,
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as never);
  const implicitTags = { tags: [], expirationsByCacheKind: new Map() } as never;
  const request = createRequestStoreForAPI({ headers } as never, new URL("http://127.0.0.1/"), implicitTags, undefined, undefined as never, undefined);
  return workAsyncStorage.run(work, () => workUnitAsyncStorage.run(request, fn));
}
