import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
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

describe('desktop sign-in', () => {
  it('redirects to loopback, exchanges the code and saves the refresh token with mode 600', async () => {
    const tokenPath = join(dir, 'token.json');
    let seenUrl = '';
    const done = desktopSignIn({
      clientId: 'cid.apps.googleusercontent.com', clientSecret: 'shh', scopes: scopesFor(false), tokenPath,
      openUrl: (url) => {
        seenUrl = url;
        const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
        // The browser coming back from Google's consent page.
        request({ host: '127.0.0.1', port: redirect.port, path: '/?code=abc123&scope=x' }).end();
      },
      exchange: async (_c, code, uri) => {
        expect(code).toBe('abc123');
        expect(uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        return { refresh_token: 'refresh-1', scope: 'x' };
      },
    });
    expect(await done).toBe(tokenPath);
    const params = new URL(seenUrl).searchParams;
    expect(params.get('access_type')).toBe('offline');
    expect(params.get('scope')!.split(' ')).toEqual(scopesFor(false));
    expect(JSON.parse(readFileSync(tokenPath, 'utf8'))).toMatchObject({ client_id: 'cid.apps.googleusercontent.com', refresh_token: 'refresh-1' });
    expect(statSync(tokenPath).mode & 0o777).toBe(0o600);

    // The saved sign-in did not include drive.readonly, so a team template cannot be read with it.
    expect(() => resolveAuth({ withTemplate: true, env: {}, tokenPath })).toThrow(/--template-scope/);
    const { auth, source } = resolveAuth({ withTemplate: false, env: {}, tokenPath });
    expect(source).toBe(tokenPath);
    expect(auth).toBeInstanceOf(OAuth2Client);
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
