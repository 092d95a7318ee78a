/**
 * Credentials for `--google`: a token from `qbr auth` (OAuth desktop flow, loopback redirect), else Application
 * Default Credentials; `QBR_ACCESS_TOKEN` (a bare access token) is for tests and one-off scripted runs.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { SCOPES } from '../google/types';

export const TOKEN_PATH = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'qbr-facilitator', 'token.json');

export function scopesFor(withTemplate: boolean): string[] {
  const base: string[] = [SCOPES.driveFile, SCOPES.spreadsheets, SCOPES.gmailCompose, SCOPES.calendarEventsOwned];
  return withTemplate ? [...base, SCOPES.driveReadonly] : base;
}

interface SavedToken {
  client_id: string;
  client_secret: string;
  refresh_token: string;
  scope?: string;
}

/** The auth object googleapis takes, from the first source that exists. */
export function resolveAuth(options: { withTemplate: boolean; env?: NodeJS.ProcessEnv; tokenPath?: string }): { auth: unknown; source: string } {
  const env = options.env ?? process.env;
  if (env.QBR_ACCESS_TOKEN) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: env.QBR_ACCESS_TOKEN });
    return { auth: client, source: 'QBR_ACCESS_TOKEN' };
  }
  const path = options.tokenPath ?? TOKEN_PATH;
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedToken;
    if (options.withTemplate && saved.scope !== undefined && !saved.scope.split(/\s+/).includes(SCOPES.driveReadonly)) {
      throw new Error('--template needs permission to read your own template: run `qbr auth --client-secret … --template-scope` once');
    }
    const client = new OAuth2Client({ clientId: saved.client_id, clientSecret: saved.client_secret });
    client.setCredentials({ refresh_token: saved.refresh_token });
    return { auth: client, source: path };
  }
  return { auth: new GoogleAuth({ scopes: scopesFor(options.withTemplate) }), source: 'Application Default Credentials' };
}

/** Reads Google's downloaded `client_secret.json` (desktop app: an `installed` block). */
export function readClientSecret(path: string): { clientId: string; clientSecret: string } {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { installed?: { client_id: string; client_secret: string }; web?: { client_id: string; client_secret: string } };
  const block = json.installed ?? json.web;
  if (!block) throw new Error(`${path} is not an OAuth client file (expected an "installed" block: create a Desktop app client)`);
  return { clientId: block.client_id, clientSecret: block.client_secret };
}

/**
 * The desktop flow: listen on 127.0.0.1, send the user to Google's consent page with that redirect,
 * exchange the returned code, save the refresh token (mode 600). `openUrl` shows or opens the URL.
 */
export async function desktopSignIn(options: {
  clientId: string; clientSecret: string; scopes: string[]; openUrl: (url: string) => void; tokenPath?: string;
  /** Injected for tests: exchanges the code for tokens. */
  exchange?: (client: OAuth2Client, code: string, redirectUri: string) => Promise<{ refresh_token?: string | null; scope?: string }>;
}): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const redirectUri = `http://127.0.0.1:${port}/`;
  const client = new OAuth2Client({ clientId: options.clientId, clientSecret: options.clientSecret, redirectUri });
  try {
    const code = await new Promise<string>((resolve, reject) => {
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        const code = url.searchParams.get('code');
        const error = url.searchParams.get('error');
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(code ? 'QBR Facilitator is signed in. You can close this tab.' : `Sign-in failed: ${error ?? 'no code'}.`);
        if (code) resolve(code);
        else reject(new Error(`Google sign-in failed: ${error ?? 'no code returned'}`));
      });
      options.openUrl(client.generateAuthUrl({ access_type: 'offline', prompt: 'consent', scope: options.scopes }));
    });
    const exchange = options.exchange ?? (async (c, k, uri) => (await c.getToken({ code: k, redirect_uri: uri })).tokens);
    const tokens = await exchange(client, code, redirectUri);
    if (!tokens.refresh_token) throw new Error('Google returned no refresh token; remove the app at https://myaccount.google.com/permissions and sign in again');
    const path = options.tokenPath ?? TOKEN_PATH;
    mkdirSync(dirname(path), { recursive: true });
    const saved: SavedToken = { client_id: options.clientId, client_secret: options.clientSecret, refresh_token: tokens.refresh_token, ...(tokens.scope ? { scope: tokens.scope } : {}) };
    writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
    return path;
  } finally {
    server.close();
  }
}
