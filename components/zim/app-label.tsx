import { EnvironmentBadge } from "./environment-badge";

/** An app's name with its environment badge; production names are red so they are never mistaken for staging. */
export function AppLabel({ name, production, sandbox }: { name: string; production: boolean; sandbox?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={production ? "font-semibold text-red-700 dark:text-red-400" : ""}>{name}</span>
      {sandbox ? null : <EnvironmentBadge production={production} />}
    </span>
  );
}
