/** The transport of `--dry-run`: makes no call, records each one and answers with placeholders (`<deckId>`) for what later calls bind. */
import type { Transport } from './execute';
import type { ApiCall } from './types';

export class DryRunTransport implements Transport {
  readonly calls: ApiCall[] = [];

  /** @param canned answers for methods whose response is read, not just bound (the template copy's structure). */
  constructor(private readonly canned: Record<string, unknown> = {}) {}

  async send(call: ApiCall): Promise<unknown> {
    this.calls.push(call);
    if (call.id in this.canned) return this.canned[call.id];
    const response: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(call.bind ?? {})) setPath(response, path, `<${name}>`);
    if (call.id === 'drive.files.list' && !('files' in response)) response.files = [];
    return response;
  }
}

/** `slides.0.objectId` → `{ slides: [{ objectId: value }] }`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
    const container = node as Record<string | number, unknown>;
    if (last) container[key] = value;
    else {
      container[key] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
      node = container[key] as Record<string, unknown>;
    }
  });
}
