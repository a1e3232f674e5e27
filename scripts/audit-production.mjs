// `npm run audit`: no high or critical advisory in the production dependencies (npm audit --omit=dev).
// When the registry does not serve npm's advisory endpoint (a mirror answering 405 or 404), no check is possible:
// that is said plainly and, unless AUDIT_REQUIRED=1, does not fail the run; any advisory found always does.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
  encoding: "utf8",
  env: { ...process.env, npm_config_loglevel: "error" },
  maxBuffer: 64 * 1024 * 1024,
});

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit gave no JSON report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
}

if (report.statusCode !== undefined || report.error !== undefined) {
  const reason = report.message ?? `HTTP ${report.statusCode}`;
  const unsupported = [404, 405, 501].includes(report.statusCode);
  console.warn(`npm audit: the advisory database could not be asked (${reason}); NO ADVISORY CHECK WAS MADE.`);
  if (!unsupported || process.env.AUDIT_REQUIRED === "1") process.exit(1);
  console.warn("npm audit: this registry does not serve advisories; set AUDIT_REQUIRED=1 where one does, to make this fatal.");
  process.exit(0);
}

const counts = report.metadata?.vulnerabilities ?? {};
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === "high" || v.severity === "critical");
for (const v of serious) {
  const via = v.via.map((x) => (typeof x === "string" ? x : `${x.title} (${x.url})`)).join("; ");
  console.error(`${v.severity}: ${v.name} ${v.range} — ${via}${v.fixAvailable ? "" : " — no fix available"}`);
}
console.log(`npm audit (production): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`);
process.exit(serious.length > 0 ? 1 : 0);
