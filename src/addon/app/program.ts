/** The QBR program from the add-on (SPEC §4.5): the view from the tracker as read, and writing it to the `QBR Program` tab. */
import { programView } from '../../core/program/program';
import { readTracker } from '../../core/tracker/tracker';
import { driveSync } from '../../google/execute';
import { writeProgramTab } from '../../google/program-tab';
import { programCard as card } from '../cards/program-view';
import type { ActionResultSpec, CardSpec } from '../cards/spec';
import type { Loaded } from './work';

const view = (loaded: Loaded) => programView(readTracker(loaded.tracker.workbook), loaded.book, loaded.today);
const money = (loaded: Loaded) => ({ locale: loaded.book.accounts[0]?.locale ?? 'en-US', currency: loaded.book.accounts[0]?.currency ?? 'USD' });

export function programCard(loaded: Loaded): CardSpec {
  return card({ view: view(loaded), ...money(loaded) });
}

/** Writes the tab, then shows the card again with a link to it. */
export function writeProgram(loaded: Loaded): ActionResultSpec {
  const v = view(loaded);
  const { sheetId } = driveSync(writeProgramTab(loaded.exec, loaded.tracker, v), loaded.transport);
  const url = `https://docs.google.com/spreadsheets/d/${loaded.tracker.spreadsheetId}/edit#gid=${sheetId}`;
  return { navigation: { update: card({ view: v, ...money(loaded), writtenTo: url }) }, notification: 'Written to the QBR Program tab' };
}
