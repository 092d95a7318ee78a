/** The settings card: deck template, output folder, time zone for holds, default QBR length; each with a note on what empty means. */
import type { CardSpec, WidgetSpec } from './spec';
import { colour, escapeCardHtml, PRIMARY, RED } from './text';

export type SettingsField = 'templateId' | 'folderId' | 'timezone' | 'defaultLength';

export interface SettingsInput {
  templateId: string | null;
  folderId: string | null;
  timezone: string | null;
  defaultLengthMinutes: number | null;
  /** The user's own zone (Session / Calendar), named in the hint as the fallback. */
  userTimezone: string;
  /** Problems from the last Save, shown under the field they belong to. */
  errors?: Partial<Record<SettingsField, string>>;
  /** What the user typed at the last Save: shown again as typed (never `NaN`), with the error under it. */
  typed?: Partial<Record<SettingsField, string>>;
  /** In Slides the open presentation can become the team template (through the file-scope grant). */
  host?: 'slides' | 'sheets' | 'other';
}

/** Under drive.file the add-on sees only files it made or the user chose for it: a pasted ID of anyone else's file is invisible to it. */
export const TEMPLATE_GRANT_NOTE = 'The add-on can copy only a template it made or one you chose for it: open your team’s template in Google Slides, open QBR Facilitator there and press “Use this presentation as our template”. Your template is never changed: every deck is a copy of it.';
export const FOLDER_NOTE = 'Decks and docs are created here. The add-on can use only a folder it created: press “Create a QBR folder”, then move or share that folder as you like.';

export function settingsCard(input: SettingsInput): CardSpec {
  const errors = input.errors ?? {};
  const field = (name: SettingsField, title: string, value: string | null, hint: string, note: string): WidgetSpec[] => {
    const widgets: WidgetSpec[] = [{ kind: 'input', name, title, value: input.typed?.[name] ?? value ?? '', hint }];
    const error = errors[name];
    widgets.push({ kind: 'text', html: error ? colour(RED, escapeCardHtml(error)) : note });
    return widgets;
  };
  return {
    name: 'settings',
    header: { title: 'Settings', subtitle: 'Saved for you only' },
    sections: [
      {
        header: 'Deck',
        widgets: [
          ...field('templateId', 'Template (a Google Slides link)', input.templateId, 'Leave empty for the built-in template', TEMPLATE_GRANT_NOTE),
          ...(input.host === 'slides' ? [{ kind: 'buttons', buttons: [{ text: 'Use this presentation as our template', action: { name: 'useTemplate' } }] } satisfies WidgetSpec] : []),
          ...field('defaultLength', 'Meeting length in minutes', input.defaultLengthMinutes === null ? null : String(input.defaultLengthMinutes),
            'Like 60; empty for the segment’s length', 'Used for the invitation and the agenda; empty means Enterprise 60–90 min, Strategic 90–120, Mid-Market 45–60, SMB 30–45.'),
        ],
      },
      {
        header: 'Where things go',
        widgets: [
          ...field('folderId', 'Folder (a Google Drive folder link)', input.folderId, 'Leave empty for My Drive', FOLDER_NOTE),
          { kind: 'buttons', buttons: [{ text: 'Create a QBR folder', action: { name: 'createFolder' } }] },
          zoneChoice(input),
          {
            kind: 'text',
            html: errors.timezone ? colour(RED, escapeCardHtml(errors.timezone)) : 'Holds follow the account’s Timezone in the tracker; this zone is for accounts without one.',
          },
        ],
      },
    ],
    footer: { primary: { text: 'Save', style: 'filled', color: PRIMARY, action: { name: 'saveSettings' } }, secondary: { text: 'Cancel', action: { name: 'back', loadIndicator: 'none' } } },
  };
}

/** Zones CSMs book in most; a zone saved earlier (or typed in the tracker's Settings) is kept as a choice too. */
export const ZONES = [
  'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo', 'Europe/London', 'Europe/Paris',
  'Europe/Berlin', 'Africa/Johannesburg', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'UTC',
];

function zoneChoice(input: SettingsInput): WidgetSpec {
  const current = input.typed?.timezone ?? input.timezone ?? '';
  const zones = current && !ZONES.includes(current) ? [current, ...ZONES] : ZONES;
  return {
    kind: 'select', name: 'timezone', title: 'Time zone for holds', type: 'dropdown',
    items: [
      { text: `Yours (${input.userTimezone})`, value: '', selected: current === '' },
      ...zones.map((z) => ({ text: z.replace(/_/g, ' '), value: z, selected: z === current })),
    ],
  };
}
