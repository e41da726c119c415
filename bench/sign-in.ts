/** Signs in through the login form like a browser: the form's CSRF token and cookie, then the session cookie. */
export async function signInOverHttp(appUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${appUrl}/anmelden`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  const cookies = new Map(form.headers.getSetCookie().map((c) => (c.split(';')[0] as string).split('=') as [string, string]));
  if (!token) throw new Error('no CSRF token on /anmelden');
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${appUrl}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  for (const c of response.headers.getSetCookie()) {
    const [key, value] = (c.split(';')[0] as string).split('=') as [string, string];
    cookies.set(key, value);
  }
  if (response.status !== 303 || !cookies.get('vv_session')) throw new Error(`signing in as ${email} answered ${response.status} without a session`);
  return header();
}
