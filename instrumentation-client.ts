import { config } from "zod";

/**
 * Runs in the browser before any page module. Zod compiles object parsers with `new Function` when it may, and
 * probes for that with a caught `new Function("")`; the Content-Security-Policy (proxy.ts) forbids eval, and the
 * browser reports even the caught probe as a violation. Forms parse just as well without compiling.
 */
config({ jitless: true });
