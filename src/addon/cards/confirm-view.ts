/** Confirmation cards for the actions that are hard to undo: a whole-book run, regenerating a package from scratch, disconnecting the tracker. */
import type { CardSpec } from './spec';
import { bold, colour, escapeCardHtml, GREY, PRIMARY } from './text';

export interface BookRunPlan {
  accounts: number;
  /** Accounts with a deck (the others get one Digital Review draft). */
  decks: number;
  drafts: number;
  holds: number;
  /** Whose calendar and Gmail the holds and drafts go to (the signed-in user), when known. */
  userEmail?: string | null;
}

const n = (x: number) => x.toLocaleString('en-US');

export function bookRunConfirmCard(plan: BookRunPlan): CardSpec {
  const whose = plan.userEmail ? `your calendar (${escapeCardHtml(plan.userEmail)})` : 'your calendar';
  const lines = [
    `${bold(n(plan.decks))} decks, each with a pre-read, an action plan and an internal prep brief, in Drive`,
    `${bold(n(plan.drafts))} Gmail drafts in your mailbox — none is sent`,
    `${bold(n(plan.holds))} calendar holds on ${whose}`,
  ];
  return {
    name: 'confirm:book',
    header: { title: `Run for all ${n(plan.accounts)} accounts?`, subtitle: 'This regenerates every package' },
    sections: [
      {
        widgets: [
          { kind: 'text', html: 'This makes or remakes:' },
          ...lines.map((l) => ({ kind: 'text' as const, html: `• ${l}` })),
          { kind: 'text', html: colour(GREY, 'Packages made before are replaced; drafts and holds are updated, not duplicated. It runs in the background in batches, so you can close the sidebar; each account gets a row in the tracker’s QBR Log.') },
        ],
      },
    ],
    footer: {
      primary: { text: `Run for ${n(plan.accounts)} accounts`, style: 'filled', color: PRIMARY, action: { name: 'runBook', params: { step: 'run' } } },
      secondary: { text: 'Cancel', action: { name: 'back', loadIndicator: 'none' } },
    },
  };
}

export function disconnectConfirmCard(trackerUrl: string): CardSpec {
  return {
    name: 'confirm:disconnect',
    header: { title: 'Change tracker?', subtitle: 'The add-on forgets this tracker' },
    sections: [{
      widgets: [
        { kind: 'text', html: 'The spreadsheet itself is not changed, and the packages you made stay in Drive, Gmail and your calendar. You can connect it again at any time.' },
        { kind: 'buttons', buttons: [{ text: 'Open the tracker', openLink: { url: trackerUrl } }] },
      ],
    }],
    footer: {
      primary: { text: 'Disconnect', style: 'filled', color: PRIMARY, action: { name: 'disconnectTracker', params: { step: 'confirmed' } } },
      secondary: { text: 'Cancel', action: { name: 'back', loadIndicator: 'none' } },
    },
  };
}

/** "Regenerate from scratch": what happens to the package the CSM has (kept, renamed, with their edits) before anything runs. */
export function regenerateConfirmCard(p: { accountId: string; accountName: string; qbrDate: string | null; share: boolean }): CardSpec {
  const params = { accountId: p.accountId, what: 'package', regenerate: 'yes', step: 'run', ...(p.qbrDate ? { qbrDate: p.qbrDate } : {}), ...(p.share ? { share: 'yes' } : {}) };
  return {
    name: `confirm:regenerate:${p.accountId}`,
    header: { title: 'Regenerate from scratch?', subtitle: escapeCardHtml(p.accountName) },
    sections: [{
      widgets: [
        { kind: 'text', html: `This makes ${bold('a new deck and new docs')} (pre-read, action plan, prep brief) from the tracker.` },
        { kind: 'text', html: '• Your current deck and docs stay in Drive, with your edits, renamed “… (previous)”. Nothing is deleted.' },
        { kind: 'text', html: '• Gmail drafts and calendar holds are updated, not duplicated.' },
        { kind: 'text', html: colour(GREY, 'To keep your edits in the deck you have, Cancel and use Refresh numbers.') },
      ],
    }],
    footer: {
      primary: { text: 'Regenerate', style: 'filled', color: PRIMARY, action: { name: 'generate', params } },
      secondary: { text: 'Cancel', action: { name: 'back', loadIndicator: 'none' } },
    },
  };
}
