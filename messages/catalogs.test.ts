import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";

type Catalog = { [key: string]: string | Catalog };

function keysOf(catalog: Catalog, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));
}

/** A language's catalog as the console loads it: every JSON file of its folder, merged by index.ts. */
const load = (locale: string): Catalog => {
  const folder = path.join(__dirname, locale);
  const merged: Catalog = {};
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".json"))) {
    const part = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as Catalog;
    for (const [namespace, value] of Object.entries(part)) {
      if (namespace in merged) throw new Error(`${locale}/${file} repeats the namespace "${namespace}"`);
      merged[namespace] = value;
    }
  }
  return merged;
};

it.each(LOCALES)("%s/index.ts merges every catalog file of its folder", (locale) => {
  const index = fs.readFileSync(path.join(__dirname, locale, "index.ts"), "utf8");
  for (const file of fs.readdirSync(path.join(__dirname, locale)).filter((f) => f.endsWith(".json"))) {
    expect(index).toContain(`./${file}`);
  }
});

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  const [base, ...others] = LOCALES;
  const reference = load(base);
  const referenceKeys = keysOf(reference).sort();

  it.each(others)("%s has exactly the keys of the English catalog", (locale) => {
    expect(keysOf(load(locale)).sort()).toEqual(referenceKeys);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const catalog = load(locale);
    const empty = keysOf(catalog).filter((k) => k.split(".").reduce<Catalog | string>((c, p) => (c as Catalog)[p]!, catalog) === "");
    expect(empty).toEqual([]);
  });

  it.each(others)("%s uses the same placeholders as English", (locale) => {
    const catalog = load(locale);
    const get = (c: Catalog, key: string) => key.split(".").reduce<Catalog | string>((n, p) => (n as Catalog)[p]!, c) as string;
    for (const key of referenceKeys) {
      expect([key, ...placeholders(get(catalog, key))]).toEqual([key, ...placeholders(get(reference, key))]);
    }
  });
});
