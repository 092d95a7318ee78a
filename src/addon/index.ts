/**
 * The add-on's one public entry: the functions appsscript.json names (homepages, file-scope grant, the one card
 * action dispatcher, the background trigger). Everything they call is ordinary tested TypeScript.
 */
import { dispatch, fileScopeGranted, homeView, type ActionContext } from './app/actions';
import { isoFromPickerMs } from './app/clock';
import { runJobSlice, TRIGGER_BUDGET_MS } from './app/work';
import { renderActionResult, renderCard } from './cards/render';
import type { Host as HostApp } from './cards/home-view';
import { gasHost } from './gas/host';

/** The add-on event object as @types/google-apps-script declares it; every part may be missing (a trigger, a test). */
interface AddonEvent {
  commonEventObject?: Partial<GoogleAppsScript.Addons.CommonEventObject>;
  sheets?: Partial<GoogleAppsScript.Addons.SheetsEventObject>;
  slides?: Partial<GoogleAppsScript.Addons.SlidesEventObject>;
}

/** The open file, when the user has let the add-on use it (drive.file): Apps Script sends its id only then. */
function grantedFile(file: AddonEvent['sheets']): string | null {
  return file?.id && file.addonHasFileScopePermission !== false ? file.id : null;
}

function context(e: AddonEvent | undefined): ActionContext {
  const common = e?.commonEventObject ?? {};
  const form: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, input] of Object.entries(common.formInputs ?? {})) {
    if (input.dateInput?.msSinceEpoch !== undefined) form[name] = isoFromPickerMs(Number(input.dateInput.msSinceEpoch));
    else form[name] = input.stringInputs?.value?.[0] ?? '';
    // Check boxes send every ticked value.
    if (input.stringInputs?.value) lists[name] = [...input.stringInputs.value];
  }
  const app: HostApp = common.hostApp === 'SHEETS' ? 'sheets' : common.hostApp === 'SLIDES' ? 'slides' : 'other';
  return { host: gasHost({ timezone: common.timeZone?.id ?? null }), params: { ...(common.parameters ?? {}) }, form, lists, app, activeFileId: grantedFile(e?.sheets) ?? grantedFile(e?.slides) };
}

export function onHomepage(e?: AddonEvent): unknown {
  return renderCard(homeView(context(e)), CardService);
}

export const onSheetsHomepage = onHomepage;
export const onSlidesHomepage = onHomepage;

/** The user granted access to the open file ("use this spreadsheet", "use this presentation as our template"). */
export function onFileScopeGranted(e?: AddonEvent): unknown {
  return renderCard(fileScopeGranted(context(e)), CardService);
}

/** Every card button and input lands here; the `action` parameter names the handler. */
export function onAction(e?: AddonEvent): unknown {
  const ctx = context(e);
  return renderActionResult(dispatch(ctx.params.action ?? '', ctx), CardService);
}

/** The time-driven continuation of background work (a whole book, or a package past the 30-second card limit). */
export function resumeJobs(): void {
  runJobSlice(gasHost(), TRIGGER_BUDGET_MS);
}

