/** Every handler the fake has, keyed by discovery method id (e.g. `drive.files.copy`). */
import { calendarHandlers } from './apis/calendar';
import { driveHandlers } from './apis/drive';
import { gmailHandlers } from './apis/gmail';
import { sheetsHandlers } from './apis/sheets';
import { slidesHandlers } from './apis/slides';
import type { Handler } from './types';

let all: Record<string, Handler> | null = null;

export function handlers(): Record<string, Handler> {
  all ??= {
    ...driveHandlers,
    ...gmailHandlers,
    ...calendarHandlers,
    ...sheetsHandlers,
    ...slidesHandlers,
    ...optional('./apis/docs', 'docsHandlers'),
  };
  return all;
}

/** The Docs handlers are written separately; until they land the server answers Docs methods with 501. */
function optional(modulePath: string, exportName: string): Record<string, Handler> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would break the build while the file is absent
    return (require(modulePath) as Record<string, Record<string, Handler> | undefined>)[exportName] ?? {};
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // Only "this very file is missing" is tolerated; an error inside the module must surface.
    if (err.code === 'MODULE_NOT_FOUND' && err.message.includes(`'${modulePath}'`)) return {};
    throw e;
  }
}
