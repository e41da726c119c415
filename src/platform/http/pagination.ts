export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export function pageRequest(page: number | undefined, pageSize = 25): PageRequest {
  const safePage = page && Number.isInteger(page) && page > 0 ? page : 1;
  return { page: safePage, pageSize, offset: (safePage - 1) * pageSize };
}

export function pageResult<T>(items: T[], total: number, request: PageRequest): PageResult<T> {
  return { items, total, page: request.page, pageSize: request.pageSize, pageCount: Math.max(1, Math.ceil(total / request.pageSize)) };
}

/** A URL for the same list with some query parameters changed; empty values are left out. */
export function withQuery(path: string, query: Record<string, unknown>, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
