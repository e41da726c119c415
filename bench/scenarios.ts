import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import type { AppServices } from '../src/platform/module.ts';
import { signInOverHttp } from './sign-in.ts';

/**
 * The benchmark's scenarios are definitions in files named `bench/scenarios-<topic>.ts`, each
 * exporting `defineScenarios({...})` as its default: bench/run.ts finds them by that name, so a
 * new topic adds a file and changes nothing else. `BENCH_SCENARIOS` selects scenarios by name
 * (`kommunen`), by name with its cache variant (`kommunen[cache=off]`) or by topic (`signed-in`).
 */

export interface BenchContext {
  db: Kysely<Database>;
  /** The services of the app measured (page cache off): for scenarios that run a job's work first (e.g. the monitoring summary). */
  services: AppServices;
  /** The app with the page cache off: what a signed-in person or a crawler over many URLs gets. */
  appUrl: string;
  connections: number;
  /** Seconds per measurement. */
  duration: number;
  /** The requests per second of the bare Fastify route, measured first in the same run. */
  baselineRps(): number;
  /**
   * Signs in through the app's login form (once per address and run) and returns the cookie header
   * a signed-in browser would send: session and CSRF cookie.
   */
  signIn(email: string, password: string): Promise<string>;
  /** Computes a value once per run and shares it between scenarios (e.g. "the busiest town"). */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** What a page scenario requests, and what the page must show to count (a 200 without the data would be a cheap benchmark). */
export interface PageTarget {
  /** Path and query on the app, starting with `/`. */
  path: string;
  mustContain: string[];
  /**
   * The cookie header of a signed-in person (from `ctx.signIn`). Without one the page is requested
   * as a visitor and measured twice: with the page cache off and on.
   */
  cookie?: string;
}

export interface PageScenario {
  name: string;
  page(ctx: BenchContext): Promise<PageTarget>;
}

/** A scenario that measures something other than one page (a form post, a PDF in process): it prints its own RESULT lines. */
export interface RunScenario {
  name: string;
  /** Returns what went wrong, each as one line; an empty list when all was well. */
  run(ctx: BenchContext): Promise<string[]>;
}

export type Scenario = PageScenario | RunScenario;

export interface ScenarioSet {
  /** The topic, as in the file name; selects the whole set in BENCH_SCENARIOS. */
  topic: string;
  /**
   * Data the set needs beyond the common Land-scale data set (bench/generate*.ts, made first);
   * runs only when one of its scenarios is selected. Returns rows per table for the log.
   */
  generate?(db: Kysely<Database>): Promise<Record<string, number>>;
  scenarios: Scenario[];
}

export function defineScenarios(set: ScenarioSet): ScenarioSet {
  const names = new Set<string>();
  for (const scenario of set.scenarios) {
    if (!/^[a-z0-9_]+$/.test(scenario.name)) throw new Error(`scenario name "${scenario.name}" (${set.topic}): lower-case letters, digits and _ only`);
    if (names.has(scenario.name)) throw new Error(`scenario "${scenario.name}" twice in ${set.topic}`);
    names.add(scenario.name);
  }
  return set;
}

export function isPageScenario(scenario: Scenario): scenario is PageScenario {
  return 'page' in scenario;
}

/** The line every measured page prints; `variant` is e.g. `cache=off` (none for the baseline). */
export function resultLine(name: string, variant: string, result: { rps: number; p95: number }, baselineRps: number, extra = ''): string {
  return `RESULT ${name}${variant ? `[${variant}]` : ''} rps=${Math.round(result.rps)} p95_ms=${Math.round(result.p95)} ratio=${(result.rps / baselineRps).toFixed(3)}${extra}`;
}

/** Every bench/scenarios-<topic>.ts, in the order of their names. */
export async function loadScenarioSets(): Promise<ScenarioSet[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((file) => /^scenarios-[a-z0-9-]+\.ts$/.test(file))
    .sort();
  const sets: ScenarioSet[] = [];
  for (const file of files) {
    const set = ((await import(pathToFileURL(join(dir, file)).href)) as { default?: ScenarioSet }).default;
    if (!set || !Array.isArray(set.scenarios)) throw new Error(`bench/${file} has no default export made by defineScenarios`);
    sets.push(set);
  }
  return sets;
}

/** The context every scenario gets; sessions and shared values are made once per run. */
export function benchContext(base: Pick<BenchContext, 'db' | 'services' | 'appUrl' | 'connections' | 'duration' | 'baselineRps'>): BenchContext {
  const memo = new Map<string, Promise<unknown>>();
  const ctx: BenchContext = {
    ...base,
    signIn(email, password) {
      return ctx.once(`session:${email}`, () => signInOverHttp(base.appUrl, email, password));
    },
    once<T>(key: string, make: () => Promise<T>) {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as Promise<T>;
    },
  };
  return ctx;
}
