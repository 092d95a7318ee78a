/** Command-line flags through node:util parseArgs, with one error type that means "the command is wrong" (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../core';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--today` fixes the date for reproducible runs; without it, the machine's own calendar date. */
export function todayFrom(flag: string | undefined, now: () => Date = () => new Date()): string {
  if (flag !== undefined) {
    if (!isIsoDate(flag)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${flag}"`);
    return flag;
  }
  const d = now();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function requireFlag(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
