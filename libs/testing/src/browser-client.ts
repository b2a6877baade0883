/**
 * A fetch client that behaves like the portal's web app in a browser: it keeps
 * cookies, and echoes the XSRF-TOKEN cookie in the X-XSRF-TOKEN header on
 * state-changing requests.
 */
export class BrowserClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly options: {
      language?: 'vi' | 'en';
      csrf?: boolean;
      /** Sent with every request, e.g. what a TLS-terminating proxy adds (`X-Forwarded-Proto: https`). */
      headers?: Record<string, string>;
    } = {},
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const allHeaders: Record<string, string> = {
      'Accept-Language': this.options.language ?? 'vi',
      ...this.options.headers,
      ...headers,
    };
    if (this.cookies.size) allHeaders.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // A FormData body is sent as multipart/form-data, with the boundary fetch chooses.
    if (body !== undefined && !(body instanceof FormData)) allHeaders['Content-Type'] = 'application/json';
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && xsrf && this.options.csrf !== false) allHeaders['X-XSRF-TOKEN'] = decodeURIComponent(xsrf);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    // Read the whole body first, as a browser does: the server may finish saving the session
    // only as the response ends, after the headers have already arrived.
    const content = await response.arrayBuffer();
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return new Response(response.status === 204 || response.status === 304 ? null : content, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown): Promise<Response> {
    return this.request('POST', path, body ?? {});
  }

  /** Uploads files and fields as multipart/form-data, as the web app does with FormData. */
  upload(path: string, form: FormData): Promise<Response> {
    return this.request('POST', path, form);
  }

  delete(path: string): Promise<Response> {
    return this.request('DELETE', path);
  }

  /** Loads the session and its CSRF token, as the web app does on start. */
  async start(): Promise<this> {
    await this.get('/auth/session');
    return this;
  }
}
