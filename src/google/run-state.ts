/** What a Google run has finished per account, so an interrupted run resumes without repeating (or duplicating) a step. */

export interface AccountRunState {
  /** The QBR date the state belongs to; a different date starts afresh. */
  qbrDate: string;
  deckId?: string;
  deckFilled?: boolean;
  /** The revision and token count the deck's fill was built from, while the fill is not known applied. */
  deckFill?: { revisionId: string; tokens: number };
  /**
   * The deck is being refreshed in place (SPEC §4.4): set while it is; the revision and elements of the batch sent, while
   * that batch is not known applied.
   */
  deckRefresh?: { revisionId?: string; objectIds?: string[] };
  /** Chart ids in the tracker's chart tab, by `slideKey:N`. */
  charts?: Record<string, number>;
  /** `refresh`: the doc the QBR Log pointed at, being refreshed in place (SPEC §4.4). */
  docs?: Partial<Record<'pre-read' | 'action-plan' | 'prep-brief', { id: string; filled: boolean; refresh?: boolean }>>;
  shared?: boolean;
  drafts?: Partial<Record<'summary' | 'invitation', string>>;
  /** The message id Gmail gave the message we last wrote in each draft (a draft the CSM edited has another). */
  draftMessages?: Partial<Record<'summary' | 'invitation', string>>;
  /** The fingerprint of the email written in each draft (`draftContent`), logged with its message id. */
  draftContents?: Partial<Record<'summary' | 'invitation', string>>;
  holds?: string[];
  /** The previous package's deck was set aside (renamed "… (previous)"; the name predates SPEC §4.4, when it was trashed). */
  previousTrashed?: boolean;
  /** The deck (from the QBR Log) this package's fresh deck replaces, to be kept renamed "… (previous)". */
  replaces?: string;
  /** The fill's Deck Record reached the QBR Log (written right after the deck, before the rest of the row). */
  deckRecordLogged?: boolean;
  trackerWritten?: boolean;
  done?: boolean;
  /**
   * Creates that were sent but whose answer was not saved (the run died in between): on resume the tool first
   * looks for what it may have made (by its app property tag, or a draft by its Message-ID) before creating again.
   */
  pending?: string[];
}

export interface RunState {
  version: 1;
  templateId?: string;
  accounts: Record<string, AccountRunState>;
}

/** The account's state for this QBR date, reset when the date changed since the last run. */
export function accountState(state: RunState, accountId: string, qbrDate: string): AccountRunState {
  const existing = state.accounts[accountId];
  if (existing && existing.qbrDate === qbrDate) return existing;
  const fresh: AccountRunState = { qbrDate };
  state.accounts[accountId] = fresh;
  return fresh;
}
