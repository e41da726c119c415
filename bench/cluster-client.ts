import http from 'node:http';

export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A browser-like client for the cluster benchmark: keeps its cookies, fills in the CSRF token, and
 * connects from a loopback address of its own (127.0.0.x), so that nginx and the app see a client
 * address per person, as they would on the internet (rate limits count per address).
 */
export class ClusterClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: string,
    private readonly localAddress = '127.0.0.1',
  ) {}

  /** The Cookie header this client sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  request(method: string, path: string, form?: Record<string, string>, baseUrl = this.baseUrl): Promise<Answer> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const url = new URL(path, baseUrl);
    const headers: Record<string, string> = { 'accept-language': 'de' };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers, agent: this.agent, localAddress: this.localAddress, timeout: 20_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            this.remember(response.headers, text);
            resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.end(body);
    });
  }

  private remember(headers: http.IncomingHttpHeaders, body: string): void {
    for (const header of headers['set-cookie'] ?? []) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(body);
    if (match?.[1]) this.csrfToken = match[1].replace(/&amp;/g, '&');
  }

  get(path: string, baseUrl?: string): Promise<Answer> {
    return this.request('GET', path, undefined, baseUrl);
  }

  /** Posts a form with the CSRF token of the last page with a form (fetched from `formPage` if none is known yet). */
  async post(path: string, form: Record<string, string>, formPage: string, baseUrl?: string): Promise<Answer> {
    if (!this.csrfToken) await this.get(formPage, baseUrl);
    if (!this.csrfToken) throw new Error(`no CSRF token on ${formPage}`);
    return this.request('POST', path, { ...form, _csrf: this.csrfToken }, baseUrl);
  }

  async login(email: string, password: string, baseUrl?: string): Promise<void> {
    const response = await this.post('/anmelden', { email, password }, '/anmelden', baseUrl);
    if (response.status !== 303) throw new Error(`signing in as ${email} answered ${response.status}`);
    // The session is new: the next form brings its own token.
    this.csrfToken = null;
  }

  close(): void {
    this.agent.destroy();
  }
}
