import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Config } from './config.ts';
import type { UserActor } from './access/actor.ts';
import type { AuditAction } from './audit/audit.ts';
import type { AuthService } from './auth/service.ts';
import type { DatabaseHandle } from './db/connect.ts';
import type { FactSource } from './facts.ts';
import type { ScopeResolvers } from './http/access.ts';
import type { Database } from './db/schema.ts';
import type { FileStore } from './files/store.ts';
import type { MessageAreas } from './i18n/catalog.ts';
import type { JobDefinition, JobQueue } from './jobs/queue.ts';
import type { PersonalDataHandler } from './privacy/registry.ts';
import type { RetentionRule } from './retention/retention.ts';
import type { NavEntry } from './views/context.ts';
import type { OpenDataCollection } from './open-data.ts';
import type { MethodLinks } from './method-links.ts';

/** A module's routes, with params, query and body typed from their TypeBox schemas. */
export type ModulePlugin = FastifyPluginAsyncTypebox<{ services: AppServices }>;

/** What the app hands every module: no module reaches for globals. */
export interface AppServices {
  config: Config;
  db: Kysely<Database>;
  handle: DatabaseHandle;
  jobs: JobQueue;
  auth: AuthService;
  files: FileStore;
  /** Call after committing a transaction that queued mail. */
  mailQueued: () => void;
  /** Every registered module, for pages that gather contributions from others (e.g. the municipality page). */
  modules: () => AppModule[];
}

export interface DemoSeedContext {
  services: AppServices;
  log: (message: string) => void;
}

/** A module declares itself: its routes, navigation, jobs, personal data and demo data. */
export interface AppModule {
  name: string;
  /** Its routes; each declares its access (`config.access`), or the app does not start. */
  plugin: ModulePlugin;
  /** The scopes its routes' access rules may name (e.g. the town of `:ags` someone manages). */
  scopes?: (services: AppServices) => ScopeResolvers;
  navigation?: NavEntry[];
  /** Which of its catalog keys are on public pages (and so need every public language). */
  messages?: MessageAreas;
  /** Its public collections: open data as CSV and JSON, the read API /api/v1 and the DCAT catalogue (see platform/open-data.ts). */
  openData?: OpenDataCollection[];
  /** URL prefixes of its staff workspaces: shown in German and English only, never cached, never on a public page. */
  staffAreas?: string[];
  /** URL prefixes of pages about the signed-in person (e.g. /konto): never cached. */
  privateAreas?: string[];
  jobs?: (services: AppServices) => JobDefinition[];
  personalData?: PersonalDataHandler;
  /** Its retention periods: what the daily retention job deletes or anonymises (see platform/retention). */
  retention?: (services: AppServices) => RetentionRule[];
  /** Every action it writes to the audit log, each with its label `audit.<action>` (German and English). */
  auditActions?: readonly AuditAction[];
  /** Reference data every installation needs (e.g. the municipality register); runs on every start, idempotent. */
  seedReference?: (ctx: DemoSeedContext) => Promise<void>;
  /** A section for the public page of a municipality, e.g. the strategy summary; null when there is nothing to show. */
  municipalitySection?: (services: AppServices, municipality: { id: number; ags: string; name: string }) => Promise<VNode | null>;
  /** A section of the own account page (/konto), e.g. notification settings. */
  accountSection?: (services: AppServices, actor: UserActor) => Promise<VNode | null>;
  /** Links to show under measures on the public implementation page, e.g. the proposals that led to them. */
  measureLinks?: (services: AppServices, measureIds: number[]) => Promise<Map<number, Array<{ href: string; label: string }>>>;
  /**
   * What a town's survey may belong to, e.g. its participation processes: the survey form offers
   * these and accepts no other, so the survey engine needs to know no module that uses it.
   */
  surveyContexts?: (services: AppServices, municipalityId: number) => Promise<Array<{ id: number; label: string }>>;
  /**
   * Roles accounts hold from this module, e.g. a certified Vielfaltsmanager:in or multiplier from
   * qualification: shown by the network next to its people, so nobody types them again.
   */
  accountRoles?: (services: AppServices, userIds: number[]) => Promise<Map<number, Array<'diversity_manager' | 'multiplier'>>>;
  /** The method cards measures, events and training modules may name (the toolkit offers them; see platform/method-links.ts). */
  methodLinks?: MethodLinks;
  /** The countable facts it offers to monitoring (see platform/facts.ts). */
  facts?: readonly FactSource[];
  /** Demo data for an empty installation with DEMO_DATA on; runs in module order. */
  seedDemo?: (ctx: DemoSeedContext) => Promise<void>;
}
