/** A browser-like client over real HTTP (a child process, a proxy): keeps cookies, fills in the CSRF token. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(private readonly baseUrl: string) {}

  private remember(response: Response, body: string): void {
    for (const header of response.headers.getSetCookie()) {
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

  async request(method: string, path: string, body?: URLSearchParams): Promise<{ status: number; body: string; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: body?.toString(), redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    this.remember(response, text);
    return { status: response.status, body: text, headers: response.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Posts a form with the CSRF token of the last page with a form (fetched from `formPage` if none is known). */
  async post(path: string, form: Record<string, string>, formPage = '/anmelden') {
    if (!this.csrfToken) await this.get(formPage);
    if (!this.csrfToken) throw new Error(`no CSRF token on ${formPage}`);
    return this.request('POST', path, new URLSearchParams({ ...form, _csrf: this.csrfToken }));
  }

  async login(email: string, password: string): Promise<void> {
    const response = await this.post('/anmelden', { email, password });
    if (response.status !== 303) throw new Error(`login as ${email} failed with ${response.status}`);
    this.csrfToken = null;
  }
}
