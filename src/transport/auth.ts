/**
 * Credentials for `--google`: a token from `qbr auth` (OAuth desktop flow, loopback redirect, PKCE + state), else Application
 * Default Credentials; `QBR_ACCESS_TOKEN` (a bare access token) is for tests and one-off scripted runs.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CodeChallengeMethod, GoogleAuth, OAuth2Client } from 'google-auth-library';
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

/** How long `qbr auth` waits for the browser to come back from Google's consent page. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * The desktop flow (RFC 8252, loopback redirect): listen on 127.0.0.1, send the user to Google's consent page with
 * that redirect, exchange the returned code, save the refresh token (mode 600). `openUrl` shows or opens the URL.
 * Any local process can reach the loopback port, so the flow proves the answer is the one it asked for: PKCE
 * (RFC 7636, S256 — Google only redeems the code with the verifier only this process holds) and a random `state`
 * (a redirect without it is somebody else's and is ignored). Requests that are not a redirect (a favicon, a port
 * probe) are answered and ignored; no answer at all within `timeoutMs` ends the sign-in with a message.
 */
export async function desktopSignIn(options: {
  clientId: string; clientSecret: string; scopes: string[]; openUrl: (url: string) => void; tokenPath?: string;
  /** Google's token endpoint; tests point it at a loopback fake. */
  tokenUrl?: string;
  timeoutMs?: number;
}): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const redirectUri = `http://127.0.0.1:${port}/`;
  const client = new OAuth2Client({
    clientId: options.clientId, clientSecret: options.clientSecret, redirectUri,
    ...(options.tokenUrl ? { endpoints: { oauth2TokenUrl: options.tokenUrl } } : {}),
  });
  const state = randomBytes(32).toString('base64url');
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await new Promise<string>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
      timer = setTimeout(() => reject(new Error(`Google's sign-in did not come back within ${Math.ceil(timeoutMs / 1000)} s: run \`qbr auth\` again and finish signing in in the browser it opens`)), timeoutMs);
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        const answer = (status: number, text: string) => {
          res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(text);
        };
        const code = url.searchParams.get('code');
        const error = url.searchParams.get('error');
        if (url.pathname !== '/' || (code === null && error === null)) return answer(404, 'Not found.');
        // Not the redirect this sign-in asked for (another page or process guessing the port): ignore it, keep waiting.
        if (!sameState(url.searchParams.get('state'), state)) return answer(400, 'This is not the sign-in QBR Facilitator started; it is still waiting for Google.');
        if (error !== null || !code) {
          answer(200, `Sign-in failed: ${error ?? 'no code'}. You can close this tab.`);
          return reject(new Error(error === 'access_denied' ? 'Google sign-in was cancelled (access was not allowed)' : `Google sign-in failed: ${error ?? 'no code returned'}`));
        }
        answer(200, 'QBR Facilitator is signed in. You can close this tab.');
        resolve(code);
      });
      options.openUrl(client.generateAuthUrl({
        access_type: 'offline', prompt: 'consent', scope: options.scopes, state,
        code_challenge: codeChallenge, code_challenge_method: CodeChallengeMethod.S256,
      }));
    });
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    if (!tokens.refresh_token) throw new Error('Google returned no refresh token; remove the app at https://myaccount.google.com/permissions and sign in again');
    const path = options.tokenPath ?? TOKEN_PATH;
    mkdirSync(dirname(path), { recursive: true });
    const saved: SavedToken = { client_id: options.clientId, client_secret: options.clientSecret, refresh_token: tokens.refresh_token, ...(tokens.scope ? { scope: tokens.scope } : {}) };
    writeFileSync(path, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
    return path;
  } finally {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  }
}

/** Constant-time comparison of the returned `state` with ours. */
function sameState(got: string | null, want: string): boolean {
  if (got === null) return false;
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}
