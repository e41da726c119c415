import { useView } from '../../../platform/views/context.ts';

interface SchemaLike {
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, SchemaLike>;
  items?: SchemaLike;
  anyOf?: SchemaLike[];
  const?: unknown;
  enum?: unknown[];
  maximum?: number;
  minimum?: number;
  pattern?: string;
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; description?: string; schema?: SchemaLike; required?: boolean }>;
  responses?: Record<string, { content?: Record<string, { schema?: SchemaLike }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

/** A readable type of a JSON schema from the document. */
function typeOf(schema: SchemaLike | undefined): string {
  if (!schema) return '';
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (base === 'array') return `array of ${typeOf(schema.items)}`;
  return schema.format ? `${base} (${schema.format})` : base;
}

/** The rows of a page response: the item properties of `data`. */
function rowsOf(operation: Operation): Array<[string, SchemaLike]> {
  const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
  return Object.entries(schema?.properties?.data?.items?.properties ?? {});
}

/** The API documentation, rendered on the server from the generated OpenAPI document: no scripts, no external assets. */
export function ApiDocsPage({ document }: { document: OpenApiDocument }) {
  const { t } = useView();
  return (
    <article>
      <div class="kern-hgroup vv-page-heading">
        <h1 class="kern-heading-large">{t('opendata.api.title')}</h1>
        <p class="kern-body kern-body--large">{t('opendata.api.lead')}</p>
      </div>
      <p class="kern-body">
        <a class="kern-link" href="/api/v1/openapi.json">
          {t('opendata.api.openapi_link')}
        </a>
      </p>
      <p class="kern-body">{t('opendata.api.rules')}</p>
      {Object.entries(document.paths).map(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => {
          const rows = rowsOf(op);
          const anchor = `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;
          return (
            <section key={anchor} aria-labelledby={anchor} class="vv-section">
              <h2 class="kern-heading-small" id={anchor}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              <p class="kern-body" lang="en">
                {op.summary}
                {op.description ? ` – ${op.description}` : ''}
              </p>
              {op.parameters?.length ? (
                <div class="kern-table-responsive">
                  <table class="kern-table kern-table--striped">
                    <caption class="kern-title">{t('opendata.api.parameters')}</caption>
                    <thead class="kern-table__header">
                      <tr class="kern-table__row">
                        <th scope="col" class="kern-table__cell">
                          {t('opendata.page.column_name')}
                        </th>
                        <th scope="col" class="kern-table__cell">
                          {t('opendata.page.column_type')}
                        </th>
                        <th scope="col" class="kern-table__cell">
                          {t('opendata.page.column_description')}
                        </th>
                      </tr>
                    </thead>
                    <tbody class="kern-table__body">
                      {op.parameters.map((p) => (
                        <tr class="kern-table__row" key={p.name}>
                          <th scope="row" class="kern-table__cell">
                            <code>{p.name}</code>
                          </th>
                          <td class="kern-table__cell">
                            <code>{typeOf(p.schema)}</code>
                          </td>
                          <td class="kern-table__cell" lang="en">
                            {p.description ?? p.schema?.description ?? ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {rows.length ? (
                <details class="kern-accordion">
                  <summary class="kern-accordion__header">{t('opendata.page.columns_summary', { count: rows.length })}</summary>
                  <div class="kern-accordion__body">
                    <ul class="kern-list">
                      {rows.map(([name, schema]) => (
                        <li key={name}>
                          <code>{name}</code> <code>{typeOf(schema)}</code> <span lang="en">{schema.description ?? ''}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </details>
              ) : null}
            </section>
          );
        }),
      )}
    </article>
  );
}
