import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

const CSRF_RE = /name="_csrf" value="([^"]+)"/;

/** A browser-like client over fastify.inject: keeps cookies, fills in the CSRF token for forms. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  /** Each client is its own browser on its own address, as rate limits count per address. */
  private readonly remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

  constructor(private readonly fastify: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const match = typeof response.body === 'string' ? CSRF_RE.exec(response.body) : null;
    if (match?.[1]) this.csrfToken = match[1].replace(/&amp;/g, '&');
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(options.headers ?? {}), ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}) };
    const response = await this.fastify.inject({ remoteAddress: this.remoteAddress, ...options, headers });
    this.remember(response);
    return response;
  }

  get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url, headers });
  }

  /** A CSRF token valid for this client's cookie; fetched from a page with a form if none is known yet. */
  async csrf(): Promise<string> {
    if (!this.csrfToken) await this.get('/anmelden');
    if (!this.csrfToken) throw new Error('no CSRF token found on /anmelden');
    return this.csrfToken;
  }

  async post(url: string, form: Record<string, string | number | string[] | undefined> = {}): Promise<LightMyRequestResponse> {
    const token = await this.csrf();
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      if (Array.isArray(value)) for (const item of value) body.append(key, item);
      else if (value !== undefined) body.set(key, String(value));
    }
    body.set('_csrf', token);
    return this.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A multipart form as a browser sends it, with the CSRF token in the query (see views/forms.tsx). */
  async postMultipart(url: string, fields: Record<string, string>, file?: { field: string; filename: string; contentType: string; data: Buffer }): Promise<LightMyRequestResponse> {
    const token = await this.csrf();
    const boundary = `----vvtest${Date.now()}`;
    const parts: Buffer[] = [];
    for (const [key, value] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
    }
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
      parts.push(file.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const separator = url.includes('?') ? '&' : '?';
    return this.request({
      method: 'POST',
      url: `${url}${separator}_csrf=${encodeURIComponent(token)}`,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.post('/anmelden', { email, password });
    if (response.statusCode !== 303) throw new Error(`login as ${email} failed with ${response.statusCode}`);
    this.csrfToken = null;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** The text of an HTML page without tags, whitespace collapsed: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
