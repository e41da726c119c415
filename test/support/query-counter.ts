import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** Counts the SQL statements the app sends through Kysely, to catch N+1 queries on a page. */
export class QueryCounter implements KyselyPlugin {
  count = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  async during<T>(action: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = this.count;
    const result = await action();
    return { result, queries: this.count - before };
  }
}
