/** Card specs: what a card shows, as plain data, so views are testable with deep equality and one renderer maps them onto CardService. */

/**
 * Fields marked "card HTML" accept the small subset add-on cards understand (`<b>`, `<i>`, `<font color>`,
 * `<br>`, `<a href>`); any text that came from the tracker must go through `escapeCardHtml` first.
 * Every other string (titles, button labels, input values) is shown as typed.
 */
export type CardHtml = string;

/** A calendar day `YYYY-MM-DD`; the renderer turns it into the milliseconds CardService wants. */
export type IsoDay = string;

/** The CardService `Icon` names a decorated text may start with (the enum's names, so the renderer maps 1:1). */
export const KNOWN_ICONS = [
  'BOOKMARK', 'CLOCK', 'CONFIRMATION_NUMBER_ICON', 'DOLLAR', 'DESCRIPTION', 'EMAIL', 'EVENT_PERFORMER', 'EVENT_SEAT',
  'INVITE', 'MAP_PIN', 'MEMBERSHIP', 'MULTIPLE_PEOPLE', 'OFFER', 'PERSON', 'PHONE', 'STAR', 'STORE', 'TICKET',
] as const;
export type KnownIcon = (typeof KNOWN_ICONS)[number];

/**
 * Every action name the views emit. The renderer sends all of them to the one global `onAction` with
 * the name in the `action` parameter, so the dispatcher's handler map can be checked against this list.
 */
export const ACTION_NAMES = [
  'connectTracker', 'disconnectTracker', 'search', 'openHome', 'openAccount', 'openManager', 'openSettings',
  'saveSettings', 'generate', 'refreshJob', 'runBook', 'useTemplate', 'createFolder', 'copyExample', 'back',
  'openRecord', 'saveRecord', 'openProgram', 'writeProgram',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** What a `generate` action asks for (its `what` parameter). */
export type GenerateWhat = 'package' | 'deck' | 'draft' | 'holds' | 'docs' | 'digital';

export interface ActionSpec {
  /** The dispatcher's action name (one of ACTION_NAMES for the views here). */
  name: string;
  /** Extra parameters; `action` is reserved for the name and overwritten by the renderer. */
  params?: Record<string, string>;
  /** CardService shows a spinner by default; `none` for instant actions such as search. */
  loadIndicator?: 'spinner' | 'none';
}

interface ButtonBase {
  text: string;
  /** `filled` for the one main action of a section; `text` (the default) for the rest. */
  style?: 'filled' | 'text';
  /** Background of a filled button, `#RRGGBB`. */
  color?: string;
}

/** A button either runs an action or opens a link, never both. */
export type ButtonSpec = (ButtonBase & { action: ActionSpec; openLink?: never }) | (ButtonBase & { openLink: { url: string }; action?: never });

export interface SelectItemSpec {
  text: string;
  value: string;
  selected: boolean;
}

export type WidgetSpec =
  | { kind: 'text'; html: CardHtml }
  | {
      kind: 'kv';
      topLabel?: CardHtml;
      text: CardHtml;
      bottomLabel?: CardHtml;
      startIcon?: KnownIcon;
      /** A button at the end of the line (not combined with `action`). */
      button?: ButtonSpec;
      /** Makes the whole line clickable. */
      action?: ActionSpec;
      /** `chevron`: a › at the end, so a clickable line looks clickable (not combined with `button`). */
      endIcon?: 'chevron';
      /** Defaults to true: sidebar cards are narrow and names are long. */
      wrap?: boolean;
    }
  | { kind: 'buttons'; buttons: ButtonSpec[] }
  | {
      kind: 'input'; name: string; title: string; value?: string; hint?: string; multiline?: boolean; onChange?: ActionSpec;
      /** Completions the client offers as the user types, without a call to the add-on. */
      suggestions?: string[];
    }
  | { kind: 'date'; name: string; title: string; value?: IsoDay | null }
  | { kind: 'select'; name: string; title: string; type: 'dropdown' | 'checkbox' | 'switch'; items: SelectItemSpec[]; onChange?: ActionSpec }
  | { kind: 'divider' };

export interface SectionSpec {
  header?: CardHtml;
  /** Long lists (problems, warnings, data to confirm) fold away so the decisions stay on screen. */
  collapsible?: boolean;
  /** How many widgets stay visible when a collapsible section is folded. */
  uncollapsible?: number;
  widgets: WidgetSpec[];
}

export interface CardSpec {
  /** The card's name in the navigation stack (`home`, `account:ACC-001` …). */
  name: string;
  header: { title: string; subtitle?: string; imageUrl?: string };
  sections: SectionSpec[];
  footer?: { primary: ButtonSpec; secondary?: ButtonSpec };
}

/** What an action handler answers: where to navigate, a toast, a link to open; rendered by renderActionResult. */
export interface ActionResultSpec {
  /** Applied in this order: popToRoot, pop, update (the card now on top), push. */
  navigation?: { push?: CardSpec; update?: CardSpec; popToRoot?: boolean; pop?: boolean };
  notification?: string;
  openUrl?: string;
  /** Ask the user to grant the add-on the open Sheets/Slides file (drive.file), e.g. for "use this spreadsheet". */
  requestFileScope?: boolean;
}
