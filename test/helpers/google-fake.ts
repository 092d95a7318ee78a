/**
 * The loopback fake Google seeded with the example tracker, and the real CLI / googleapis transport run in-process
 * against it on virtual time — the harness the end-to-end `--google` tests share. Call `useFakeGoogle` once per file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { run } from '../../src/cli/main';
import type { Transport } from '../../src/google/execute';
import { scopesFor } from '../../src/transport/auth';
import { googleapisTransport } from '../../src/transport/googleapis';
import { Pacer } from '../../src/transport/pace';
import { defaultRetry } from '../../src/transport/retry';
import { readXlsx } from '../../src/workbook/xlsx';
import { seedSpreadsheet } from '../fake-google/seed';
import { startFakeGoogle, type FakeGoogle } from '../fake-google/server';

/** The fake of the running test (a live binding: a fresh one per test, or per file with `per: 'file'`). */
export let fake: FakeGoogle;
/** The example tracker's tabs as Sheets values (blank cells null). */
export let tabs: Record<string, unknown[][]>;
/** Scratch folder for the runs' --out, removed after the file. */
export let work: string;

let sheet = '';
let tracker = '';
let n = 0;
/** Virtual time: the CLI's back-off and pacing sleep on it (and the fake's quota windows turn on it) without waiting. */
let clockMs = 0;
export const timer = { now: () => clockMs, sleep: async (ms: number) => void (clockMs += ms) };

interface Options {
  /** The tracker's spreadsheet id. */
  sheet: string;
  /** What the runs pass as --tracker (default: the id). */
  tracker?: string;
  /** A fresh fake per test (default), or one for the whole file. */
  per?: 'test' | 'file';
  /** More state to seed after the tracker. */
  seed?: (fake: FakeGoogle) => void;
}

/** Registers the hooks: the tracker read once, a fake started with exactly the CLI's scopes and seeded, closed after. */
export function useFakeGoogle(options: Options): void {
  sheet = options.sheet;
  tracker = options.tracker ?? options.sheet;
  work = mkdtempSync(join(tmpdir(), 'qbr-google-fake-'));
  const start = async () => {
    // Exactly the scopes the CLI asks for: the run must work with nothing more.
    await open(tabs);
    options.seed?.(fake);
  };
  beforeAll(async () => {
    const wb = await readXlsx(join(__dirname, '../../examples/tracker.xlsx'));
    tabs = Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => (c === undefined ? null : c)))]));
    if (options.per === 'file') await start();
  });
  afterAll(async () => {
    if (options.per === 'file') await fake.close();
    rmSync(work, { recursive: true, force: true });
  });
  if (options.per !== 'file') {
    beforeEach(start);
    afterEach(() => fake.close());
  }
}

/** A fresh fake (the current one closed, if any) whose tracker holds `book`. */
export async function restartFake(book: Record<string, unknown[][]>): Promise<void> {
  await fake.close();
  await open(book);
}

async function open(book: Record<string, unknown[][]>): Promise<void> {
  fake = await startFakeGoogle({ scopes: scopesFor(false) });
  seedSpreadsheet(fake.state, sheet, book);
}

/** Any CLI command in-process against the fake, signed in, at 15:00 UTC on `today` (which it is also given as --today). */
export async function cli(argv: string[], today = '2026-11-22'): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const token = process.env.QBR_ACCESS_TOKEN;
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  try {
    const code = await run([...argv, '--today', today, '--api-root', fake.url], {
      stdout: () => undefined, stderr: (t) => (stderr += t), now: () => new Date(`${today}T15:00:00Z`), timer,
    });
    return { code, stderr };
  } finally {
    if (token === undefined) delete process.env.QBR_ACCESS_TOKEN;
    else process.env.QBR_ACCESS_TOKEN = token;
  }
}

/** `qbr generate --google --tracker …` with `args`, into a fresh folder unless `args` names an --out. */
export function generate(args: string[], today?: string): Promise<{ code: number; stderr: string }> {
  const out = args.includes('--out') ? [] : ['--out', join(work, `run-${++n}`)];
  return cli(['generate', '--google', '--tracker', tracker, ...out, ...args], today);
}

/** The googleapis transport the add-on's runs use, pointed at the fake, on the virtual clock. */
export function transport(): Transport {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  return googleapisTransport({ auth, rootUrl: fake.url, retry: defaultRetry({ sleep: timer.sleep }), pacer: new Pacer({ limit: 60, windowMs: 60_000, now: timer.now, sleep: timer.sleep }) });
}

/** The tracker tab's values as the fake holds them now. */
export const sheetRows = (title: string): unknown[][] => fake.state.spreadsheets.get(sheet)!.sheets.find((s) => s.title === title)!.values as unknown[][];
/** The successful calls of one API method, from the `from`-th call on. */
export const okCalls = (methodId: string, from = 0) => fake.calls.slice(from).filter((c) => c.methodId === methodId && c.status < 300);
