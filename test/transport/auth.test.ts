import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { desktopSignIn, readClientSecret, resolveAuth, scopesFor } from '../../src/transport/auth';

const dir = mkdtempSync(join(tmpdir(), 'qbr-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scopes', () => {
  it('asks only for the narrow scopes, drive.readonly only with a team template', () => {
    const base = scopesFor(false).map((s) => s.replace('https://www.googleapis.com/auth/', ''));
    expect(base).toEqual(['drive.file', 'spreadsheets', 'gmail.compose', 'calendar.events.owned']);
    expect(scopesFor(true)).toContain('https://www.googleapis.com/auth/drive.readonly');
    for (const s of scopesFor(true)) expect(s).not.toMatch(/auth\/(drive|calendar|gmail\.send|gmail\.modify)$|mail\.google\.com/);
  });
});

/** A loopback stand-in for Google's token endpoint: records each form it is posted and answers with tokens. */
async function fakeTokenEndpoint(): Promise<{ url: string; posts: URLSearchParams[]; close: () => Promise<void> }> {
  const posts: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      posts.push(new URLSearchParams(body));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'access-1', refresh_token: 'refresh-1', scope: 'x', token_type: 'Bearer', expires_in: 3599 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/token`, posts, close: () => new Promise((r) => server.close(() => r())) };
}

/** A GET to the sign-in's loopback listener, as a browser, another page or a port probe would make it. */
function visit(port: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject).end();
  });
}

const sha256url = (s: string) => createHash('sha256').update(s).digest('base64url');

describe('desktop sign-in', () => {
  let token: Awaited<ReturnType<typeof fakeTokenEndpoint>>;
  beforeEach(async () => (token = await fakeTokenEndpoint()));
  afterEach(() => token.close());

  it('redirects to loopback with PKCE (S256) and state, exchanges the code with the verifier, saves the token with mode 600', async () => {
    const tokenPath = join(dir, 'token.json');
    let seenUrl = '';
    const statuses: number[] = [];
    const done = desktopSignIn({
      clientId: 'cid.apps.googleusercontent.com', clientSecret: 'shh', scopes: scopesFor(false), tokenPath, tokenUrl: token.url,
      openUrl: (url) => {
        seenUrl = url;
        const params = new URL(url).searchParams;
        const port = new URL(params.get('redirect_uri')!).port;
        void (async () => {
          // A favicon fetch and a bare probe: answered, and the sign-in keeps waiting.
          statuses.push(await visit(port, '/favicon.ico'), await visit(port, '/'));
          // Another local page racing to the port with a code of its own, with a wrong and with no state: ignored.
          statuses.push(await visit(port, `/?code=evil&state=${'A'.repeat(43)}`), await visit(port, '/?code=evil2'), await visit(port, '/?error=access_denied'));
          // The browser coming back from Google's consent page.
          statuses.push(await visit(port, `/?code=abc123&state=${params.get('state')}&scope=x`));
        })();
      },
    });
    expect(await done).toBe(tokenPath);
    expect(statuses).toEqual([404, 404, 400, 400, 400, 200]);
    const params = new URL(seenUrl).searchParams;
    expect(params.get('access_type')).toBe('offline');
    expect(params.get('scope')!.split(' ')).toEqual(scopesFor(false));
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')!.length).toBeGreaterThanOrEqual(32);
    // One exchange, of the real code, carrying the verifier whose SHA-256 is the challenge sent to Google.
    expect(token.posts).toHaveLength(1);
    const post = token.posts[0]!;
    expect(post.get('code')).toBe('abc123');
    expect(post.get('grant_type')).toBe('authorization_code');
    expect(post.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const verifier = post.get('code_verifier')!;
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(sha256url(verifier)).toBe(params.get('code_challenge'));
    expect(JSON.parse(readFileSync(tokenPath, 'utf8'))).toMatchObject({ client_id: 'cid.apps.googleusercontent.com', refresh_token: 'refresh-1' });
    expect(statSync(tokenPath).mode & 0o777).toBe(0o600);

    // The saved sign-in did not include drive.readonly, so a team template cannot be read with it.
    expect(() => resolveAuth({ withTemplate: true, env: {}, tokenPath })).toThrow(/--template-scope/);
    const { auth, source } = resolveAuth({ withTemplate: false, env: {}, tokenPath });
    expect(source).toBe(tokenPath);
    expect(auth).toBeInstanceOf(OAuth2Client);
  });

  it('keeps waiting past a redirect with the wrong state, then gives up with a clear message', async () => {
    const tokenPath = join(dir, 'never.json');
    const done = desktopSignIn({
      clientId: 'cid', clientSecret: 'shh', scopes: scopesFor(false), tokenPath, tokenUrl: token.url, timeoutMs: 400,
      openUrl: (url) => {
        const port = new URL(new URL(url).searchParams.get('redirect_uri')!).port;
        void visit(port, '/?code=evil&state=guessed');
      },
    });
    await expect(done).rejects.toThrow(/did not come back within 1 s: run `qbr auth` again/);
    expect(token.posts).toEqual([]);
    expect(() => statSync(tokenPath)).toThrow();
  });

  it('stops when Google itself says the user declined (the state matches)', async () => {
    const done = desktopSignIn({
      clientId: 'cid', clientSecret: 'shh', scopes: scopesFor(false), tokenPath: join(dir, 'declined.json'), tokenUrl: token.url,
      openUrl: (url) => {
        const params = new URL(url).searchParams;
        void visit(new URL(params.get('redirect_uri')!).port, `/?error=access_denied&state=${params.get('state')}`);
      },
    });
    await expect(done).rejects.toThrow(/cancelled/);
    expect(token.posts).toEqual([]);
  });

  it('prefers QBR_ACCESS_TOKEN, and reads a desktop client file', () => {
    const { source } = resolveAuth({ withTemplate: false, env: { QBR_ACCESS_TOKEN: 't' }, tokenPath: join(dir, 'none.json') });
    expect(source).toBe('QBR_ACCESS_TOKEN');
    expect(resolveAuth({ withTemplate: false, env: {}, tokenPath: join(dir, 'none.json') }).source).toBe('Application Default Credentials');
    const secret = join(dir, 'client_secret.json');
    writeFileSync(secret, JSON.stringify({ installed: { client_id: 'a', client_secret: 'b' } }));
    expect(readClientSecret(secret)).toEqual({ clientId: 'a', clientSecret: 'b' });
    writeFileSync(secret, JSON.stringify({ other: {} }));
    expect(() => readClientSecret(secret)).toThrow(/Desktop app/);
  });
});
