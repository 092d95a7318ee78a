/**
 * Loads a built Apps Script bundle into a bare `vm` context holding only the stand-ins (and JavaScript's own built-ins),
 * and returns a handle to call its top-level functions, fire its time-driven triggers, and read what it did.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { createState } from '../../fake-google/state';
import type { FakeState, Violation } from '../../fake-google/types';
import { type AdvancedCall, type AdvancedFault, type EnabledService, createAdvancedServices } from './advanced';
import { type CardLog, type CardSpec, createCardService } from './cards';
import { FakeClock } from './clock';
import { type Execution, Runtime, contextRealm } from './runtime';
import {
  type LockLog, type LogLine, type PropertyStores, type TriggerPolicy, type TriggerRecord,
  createLockService, createLogging, createPropertiesService, createScriptApp, createSession,
} from './services';
import { createUtilities, isZone } from './utilities';

export { bundleProblems } from './bundle-check';

export const DEFAULT_BUNDLE = path.resolve(__dirname, '../../../build/Code.js');

/** Globals Apps Script's V8 runtime lacks; loadBundle fails if the sandbox has any of them. */
export const ABSENT_GLOBALS = [
  'require', 'module', 'exports', 'process', 'Buffer', 'global', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout',
  'queueMicrotask', 'structuredClone', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'fetch', 'window', 'document',
];

/** The parts of `appsscript.json` the harness reads. */
export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: EnabledService[] };
  addOns?: unknown;
  [key: string]: unknown;
}

export interface LoadOptions {
  /** Default `build/Code.js`. */
  bundlePath?: string;
  /** The bundle's text itself, instead of reading bundlePath (a hand-written script in a test). */
  code?: string;
  /** Default: `appsscript.json` beside the bundle, when it exists (none when `code` is given). */
  manifestPath?: string;
  manifest?: Manifest | null;
  state?: FakeState;
  clock?: FakeClock | { start?: number | string | Date };
  /** Fake-clock cost of each advanced-service call; default 800 ms. */
  callCostMs?: number | ((methodId: string) => number);
  /** `Session.getScriptTimeZone()`; default the manifest's timeZone, else `Etc/UTC`. */
  timezone?: string;
  userEmail?: string;
  locale?: string;
  /** Granted scopes; default the manifest's `oauthScopes` (every scope when it has none). */
  scopes?: string[];
  /** Apps Script stops an execution after 6 minutes; default 360 000 ms of fake time. */
  executionLimitMs?: number;
  /** Print Logger/console lines as they are written. */
  echoLogs?: boolean;
}

/** What the stand-ins recorded, shared by every execution of one loaded bundle. */
export interface Recorded {
  /** Advanced-service calls, in order. */
  calls: AdvancedCall[];
  /** Requests Google would reject (bad body, params, arguments, scopes): a test should expect this empty. */
  violations: Violation[];
  /** Push faults here: `{ methodId: 'slides.presentations.batchUpdate', status: 429, times: 1 }`, or `message: GAS_MESSAGES.empty`. */
  faults: AdvancedFault[];
  /** Every `build()` result (Card, ActionResponse …), in order. */
  cards: CardSpec[];
  /** Names given to `Action.setFunctionName`. */
  actionFunctions: Set<string>;
  properties: PropertyStores;
  triggers: TriggerRecord[];
  /** Set `refuseOneOff` to have `after()`/`at()` triggers refused (sub-hourly recurrence always is). */
  triggerPolicy: TriggerPolicy;
  locks: LockLog;
  logs: LogLine[];
  executions: Execution[];
}

export interface AddonSandbox {
  context: vm.Context;
  manifest: Manifest | null;
  /** Top-level functions the bundle defines (global properties, as Apps Script resolves trigger and action names). */
  globals: string[];
  /** Every `runFunction` / `onTriggerFunction` the manifest names, and those of them the bundle lacks. */
  manifestFunctions: string[];
  missingFunctions: string[];
  /** What the harness cannot honour in the manifest (a service version other than the discovery document's …). */
  problems: string[];
  services: Recorded;
  state: FakeState;
  clock: FakeClock;
  /** Runs a top-level function in this context as one execution (its time limit; locks released at the end). */
  call(fnName: string, ...args: unknown[]): unknown;
  /** A new execution: the bundle re-run in a fresh context (globals reset, as in Apps Script), sharing every store and the clock. */
  nextExecution(): AddonSandbox;
  /** Runs the earliest due trigger (a one-off not yet fired, or a recurring one) in a fresh execution, the clock moved to its due time; null when none. */
  fireNextTrigger(): { trigger: TriggerRecord; result: unknown; sandbox: AddonSandbox } | null;
  /** `setFunctionName` names that are not top-level functions. */
  unknownActionFunctions(): string[];
  /**
   * The user allows the add-on the open file (the editor's file-scope prompt): under drive.file it is then reachable,
   * like a file the app created. Returns the event Apps Script passes to `onFileScopeGrantedTrigger`'s function.
   */
  grantFileScope(fileId: string, hostApp: 'SHEETS' | 'SLIDES'): Record<string, unknown>;
}

interface Shared {
  script: vm.Script;
  manifest: Manifest | null;
  state: FakeState;
  clock: FakeClock;
  recorded: Recorded;
  card: CardLog;
  options: Required<Pick<LoadOptions, 'callCostMs' | 'userEmail' | 'locale' | 'executionLimitMs' | 'echoLogs'>> & { timezone: string; scopes?: string[] };
}

export function loadBundle(options: LoadOptions = {}): AddonSandbox {
  const bundlePath = options.bundlePath ?? DEFAULT_BUNDLE;
  const code = options.code ?? fs.readFileSync(bundlePath, 'utf8');
  const manifest = options.manifest !== undefined ? options.manifest : readManifest(options.manifestPath ?? (options.code === undefined ? path.join(path.dirname(bundlePath), 'appsscript.json') : undefined));
  const timezone = options.timezone ?? manifest?.timeZone ?? 'Etc/UTC';
  if (!isZone(timezone)) throw new Error(`loadBundle: unknown time zone ${timezone}`);
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock(options.clock?.start);
  const card: CardLog = { built: [], actionFunctions: new Set() };
  const shared: Shared = {
    script: new vm.Script(code, { filename: options.code === undefined ? bundlePath : 'Code.js' }),
    manifest, clock, card,
    state: options.state ?? createState(),
    recorded: {
      calls: [], violations: [], faults: [], cards: card.built, actionFunctions: card.actionFunctions,
      properties: { user: new Map(), script: new Map(), document: new Map() },
      triggers: [], triggerPolicy: { refuseOneOff: false }, logs: [], executions: [],
      locks: { heldElsewhere: { user: false, script: false, document: false }, held: new Set(), events: [] },
    },
    options: {
      callCostMs: options.callCostMs ?? 800, userEmail: options.userEmail ?? 'csm@example.com', locale: options.locale ?? 'en',
      executionLimitMs: options.executionLimitMs ?? 360_000, echoLogs: options.echoLogs ?? false, timezone,
      scopes: options.scopes ?? manifest?.oauthScopes,
    },
  };
  return execution(shared);
}

function readManifest(file: string | undefined): Manifest | null {
  if (!file || !fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** One context: fresh stand-ins over the shared stores, the sandbox's Date following the fake clock, the bundle run. */
function execution(shared: Shared): AddonSandbox {
  const { recorded: rec, options: opt, manifest } = shared;
  const runtime = new Runtime(shared.clock);
  const advanced = createAdvancedServices(
    { state: shared.state, runtime, calls: rec.calls, violations: rec.violations, faults: rec.faults, callCostMs: opt.callCostMs, scopes: opt.scopes },
    manifest ? manifest.dependencies?.enabledAdvancedServices ?? [] : undefined,
  );
  const logging = createLogging(rec.logs, opt.echoLogs);
  const context = vm.createContext({
    ...advanced.globals,
    CardService: createCardService(runtime, shared.card),
    PropertiesService: createPropertiesService(runtime, rec.properties),
    LockService: createLockService(runtime, rec.locks),
    ScriptApp: createScriptApp(runtime, rec.triggers, rec.triggerPolicy),
    Utilities: createUtilities(runtime),
    Session: createSession({ timeZone: opt.timezone, userEmail: opt.userEmail, locale: opt.locale }),
    Logger: logging.Logger,
    console: logging.console,
  }, { name: 'apps-script-bundle' });
  runtime.realm = contextRealm(context);
  installClock(context, shared.clock);
  const present = ABSENT_GLOBALS.filter((g) => vm.runInContext(`typeof ${g}`, context) !== 'undefined');
  if (present.length) throw new Error(`loadBundle: the sandbox must not have ${present.join(', ')}`);

  const names = (): string[] => vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
  const before = new Set(names());
  shared.script.runInContext(context);
  const globals = names().filter((n) => !before.has(n) && typeof context[n] === 'function').sort();
  const manifestFunctions = manifest ? [...new Set(runFunctions(manifest))].sort() : [];
  const problems = [...advanced.problems, ...(manifest && manifest.runtimeVersion !== 'V8' ? [`runtimeVersion is ${String(manifest.runtimeVersion)}, not V8`] : [])];

  const sandbox: AddonSandbox = {
    context, manifest, globals, manifestFunctions, problems,
    missingFunctions: manifestFunctions.filter((f) => !globals.includes(f)),
    services: rec, state: shared.state, clock: shared.clock,
    call(fnName, ...args) {
      const fn: unknown = context[fnName];
      if (typeof fn !== 'function') throw new Error(`The bundle has no top-level function ${fnName} (it has: ${globals.join(', ')})`);
      const run: Execution = { fn: fnName, startedAt: shared.clock.now(), limitMs: opt.executionLimitMs, timedOut: false };
      rec.executions.push(run);
      runtime.current = run;
      try {
        const result: unknown = fn(...args.map((a) => runtime.realm.adopt(a)));
        if (run.timedOut) throw new Error(`${fnName}: Exceeded maximum execution time (${opt.executionLimitMs} ms), though the script caught it`);
        return result;
      } finally {
        run.endedAt = shared.clock.now();
        runtime.current = null;
        rec.locks.held.clear(); // Apps Script releases an execution's locks when it ends
      }
    },
    nextExecution: () => execution(shared),
    fireNextTrigger() {
      const due = rec.triggers.filter((t) => !t.deleted && t.dueAt !== null && (t.fired === 0 || t.everyMs !== null)).sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))[0];
      if (!due || due.dueAt === null) return null;
      shared.clock.advanceTo(due.dueAt);
      due.fired++;
      if (due.everyMs !== null) due.dueAt += due.everyMs;
      const next = execution(shared);
      return { trigger: due, sandbox: next, result: next.call(due.handler, timeEvent(shared.clock.now(), due.id)) };
    },
    unknownActionFunctions: () => [...rec.actionFunctions].filter((f) => !globals.includes(f)).sort(),
    grantFileScope(fileId, hostApp) {
      const file = shared.state.files.get(fileId);
      if (!file) throw new Error(`grantFileScope: no file ${fileId} in the fake Drive`);
      file.appCreated = true;
      return { commonEventObject: { hostApp, timeZone: { id: opt.timezone } }, [hostApp === 'SHEETS' ? 'sheets' : 'slides']: { id: fileId, title: file.name, addonHasFileScopePermission: true } };
    },
  };
  return sandbox;
}

/**
 * The sandbox's `Date` becomes a Proxy of its own Date: `new Date()`, `Date()` and `Date.now()` read the fake clock;
 * `new Date(x)`, `Date.UTC`, `Date.parse` and `instanceof Date` behave as always.
 */
function installClock(context: vm.Context, clock: FakeClock): void {
  const install = vm.runInContext(`(function (now) {
    const RealDate = Date;
    const FakeDate = new Proxy(RealDate, {
      construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
      apply: () => new RealDate(now()).toString(),
      get: (target, key, receiver) => (key === 'now' ? function now_() { return now(); } : Reflect.get(target, key, receiver)),
    });
    RealDate.prototype.constructor = FakeDate;
    globalThis.Date = FakeDate;
  })`, context) as (now: () => number) => void;
  install(() => clock.now());
}

/** The event object Apps Script passes to a time-driven trigger's function. */
function timeEvent(ms: number, triggerUid: string): Record<string, unknown> {
  const d = new Date(ms);
  return {
    authMode: 'FULL', triggerUid, timezone: 'UTC', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, 'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() || 7, hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

/** Every function name a manifest refers to (`runFunction` of homepage/universal/file-scope triggers, `onTriggerFunction` …). */
export function runFunctions(manifest: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'runFunction' || k === 'onTriggerFunction') && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(manifest);
  return out;
}
