import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/connect.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface JobDefinition {
  name: string;
  handler: JobHandler;
  /** Cron expression (UTC) for recurring jobs. */
  cron?: string;
}

/** pg-boss on the app's own database: on PostgreSQL through the pool, on PGlite through the same lock as every query. */
export class JobQueue {
  readonly #boss: PgBoss;
  #started = false;

  constructor(
    handle: DatabaseHandle,
    private readonly onError: (error: Error) => void,
  ) {
    this.#boss = new PgBoss({
      db: { executeSql: handle.executeSql } as unknown as PgBoss.Db,
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      migrate: true,
    });
    this.#boss.on('error', (error) => this.onError(error));
  }

  async start(jobs: JobDefinition[]): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    for (const job of jobs) {
      await this.#boss.createQueue(job.name);
      await this.#boss.work(job.name, { pollingIntervalSeconds: 2 }, async (batch) => {
        for (const item of batch) await job.handler((item.data ?? {}) as Record<string, unknown>);
      });
      if (job.cron) await this.#boss.schedule(job.name, job.cron, {});
    }
  }

  /** Asks for a run now; several asks within a second become one run. */
  async trigger(name: string, data: Record<string, unknown> = {}): Promise<void> {
    if (!this.#started) return;
    await this.#boss.send(name, data, { singletonKey: name, singletonSeconds: 1 });
  }

  async send(name: string, data: Record<string, unknown>, options: { startAfter?: Date; singletonKey?: string } = {}): Promise<string | null> {
    return this.#boss.send(name, data, options);
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
