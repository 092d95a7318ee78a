/**
 * Recording stand-in for `CardService`: every `newX()` is a recorder whose calls are kept as `[method, ...args]` and which
 * returns itself; `build()` returns `{ kind, calls }` (plain data, nested widgets as specs). Methods a known class lacks are
 * absent, so a typo fails in the bundle as `... is not a function`, as it would in Apps Script.
 */
import { CARD_ENUMS, CARD_METHODS } from './card-api';
import type { Runtime } from './runtime';

/** A widget, builder or built card as data: its CardService class and the calls made on it, in order. */
export interface CardSpec {
  kind: string;
  calls: unknown[][];
}

/** What the CardService stand-in records for a test. */
export interface CardLog {
  /** Every `build()` result, in order (Card, ActionResponse, UniversalActionResponse …). */
  built: CardSpec[];
  /** Every name given to `Action.setFunctionName`: each must be a top-level function of the bundle. */
  actionFunctions: Set<string>;
}

const RECORDER = Symbol('card recorder');

interface Recorder {
  [RECORDER]: CardSpec;
}

function isRecorder(v: unknown): v is Recorder {
  return typeof v === 'object' && v !== null && (v as Partial<Recorder>)[RECORDER] !== undefined;
}

/** Sandbox values as plain host data: recorders become specs, objects and arrays are copied. */
export function toSpec(v: unknown): unknown {
  if (isRecorder(v)) {
    const { kind, calls } = v[RECORDER];
    return { kind, calls: calls.map((c) => c.map((a, i) => (i === 0 ? a : toSpec(a)))) };
  }
  if (Array.isArray(v)) return v.map(toSpec);
  if (typeof v === 'function') return '[function]';
  if (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Object]') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toSpec(x)]));
  }
  return v;
}

/** Zero-argument methods; every other method needs its arguments defined (a misspelt enum member is `undefined`). */
const NO_ARGS = new Set(['build', 'popCard', 'popToRoot', 'printJson', 'throwException', 'requestFileScopeForActiveDocument']);

export function createCardService(runtime: Runtime, log: CardLog): Record<string, unknown> {
  const invalid = (what: string): Error => runtime.exception(`Invalid argument: ${what}`);

  function built(spec: CardSpec): CardSpec {
    const out = toSpec({ [RECORDER]: spec } as Recorder) as CardSpec;
    out.kind = spec.kind.replace(/Builder$/, '');
    Object.defineProperty(out, 'printJson', { value: () => JSON.stringify(out), enumerable: false });
    log.built.push(out);
    return out;
  }

  function recorder(kind: string): Recorder {
    const spec: CardSpec = { kind, calls: [] };
    const known = CARD_METHODS.get(kind);
    const proxy: Recorder = new Proxy({ [RECORDER]: spec } as Recorder, {
      get(target, key) {
        if (key === RECORDER) return target[RECORDER];
        if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
        if (known ? !known.has(key) : !/^(set|add|build$|push|pop|update|display|request|print)/.test(key)) return undefined;
        return (...args: unknown[]) => {
          runtime.check();
          if (!NO_ARGS.has(key) && (args.length === 0 || args.some((a) => a === undefined))) throw invalid(`${kind}.${key}`);
          if (key === 'setFunctionName') log.actionFunctions.add(String(args[0]));
          if (key === 'setParameters' && !Object.values(args[0] as object).every((v) => typeof v === 'string')) throw invalid('parameters (values must be strings)');
          if (key === 'printJson') return JSON.stringify(toSpec(proxy));
          if (key === 'build') return built(spec);
          spec.calls.push([key, ...args]);
          return proxy;
        };
      },
    });
    return proxy;
  }

  const enums = new Map<string, Record<string, string>>();
  const base: Record<string, unknown> = {};
  return new Proxy(base, {
    get(_t, key) {
      if (typeof key !== 'string') return undefined;
      if (/^new[A-Z]/.test(key)) return () => (runtime.check(), recorder(key.slice(3)));
      const known = CARD_ENUMS[key];
      if (known) return known;
      // An enum this table does not know (a newer API): hand out member names, so `CardService.X.Y === 'Y'`.
      if (/^[A-Z]/.test(key)) {
        if (!enums.has(key)) enums.set(key, new Proxy({}, { get: (_e, m) => (typeof m === 'string' && /^[A-Z0-9_]+$/.test(m) ? m : undefined) }));
        return enums.get(key);
      }
      return undefined;
    },
  });
}
