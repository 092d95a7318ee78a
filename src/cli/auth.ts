/** `qbr auth`: the OAuth desktop sign-in for `--google`, saving a refresh token with the narrowest scopes. */
import { parseFlags, requireFlag } from './args';
import type { CommandIo } from './io';

export async function authCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseFlags(argv, {
    'client-secret': { type: 'string' },
    'template-scope': { type: 'boolean' },
  });
  const clientSecretPath = requireFlag(values['client-secret'], 'client-secret');
  // google-auth-library loads only after the flags are checked.
  const { desktopSignIn, readClientSecret, scopesFor } = await import('../transport/auth');
  const { clientId, clientSecret } = readClientSecret(clientSecretPath);
  const scopes = scopesFor(Boolean(values['template-scope']));
  const path = await desktopSignIn({
    clientId, clientSecret, scopes,
    openUrl: (url) => io.stderr(`Open this URL in your browser and allow access:\n\n  ${url}\n\nWaiting for Google to redirect back to this machine…\n`),
  });
  io.stderr(`Signed in. Token saved to ${path} (scopes: ${scopes.map((s) => s.replace('https://www.googleapis.com/auth/', '')).join(', ')}).\n`);
  return 0;
}
