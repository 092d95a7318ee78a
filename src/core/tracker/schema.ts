/** The tracker's tabs and columns (SPEC §2) as data: header text, value kind, required or not. */
import type { IsoDate } from '../dates';
import type { Quarter } from './cells';

export type Kind = 'text' | 'money' | 'number' | 'percent' | 'amount' | 'date' | 'quarter' | 'timezone';

export interface ColumnSpec {
  header: string;
  kind: Kind;
  required?: boolean;
  /** Other header spellings teams use for the same column. */
  aliases?: readonly string[];
  /**
   * The plausible span of a number column, where it differs from its kind's (parse-tab.ts: counts and hours
   * from 0, percentages 0–100 %); outside it the cell is a finding, never a number.
   */
  range?: readonly [number, number];
}

export interface TabSpec {
  name: string;
  aliases?: readonly string[];
  columns: Record<string, ColumnSpec>;
}

// Generic so each column keeps its literal kind: RowOf below derives the row types from this table.
const text = (header: string, extra: { aliases?: readonly string[] } = {}) => ({ header, kind: 'text' as const, ...extra });
const req = <K extends Kind>(header: string, kind: K, aliases?: readonly string[]) =>
  ({ header, kind, required: true as const, aliases });
const col = <K extends Kind>(header: string, kind: K, aliases?: readonly string[], range?: readonly [number, number]) => ({ header, kind, aliases, range });

export const TABS = {
  accounts: {
    name: 'Accounts',
    columns: {
      accountId: req('Account ID', 'text'),
      name: req('Account', 'text', ['Account Name', 'Customer']),
      arr: req('ARR', 'money', ['Annual Recurring Revenue']),
      segment: text('Segment'),
      licensedSeats: col('Licensed Seats', 'number', ['Seats']),
      contractStart: col('Contract Start', 'date'),
      renewalDate: col('Renewal Date', 'date', ['Renewal']),
      qbrDate: col('QBR Date', 'date', ['Next QBR Date']),
      lastQbrDate: col('Last QBR Date', 'date', ['Last QBR']),
      csm: text('CSM'),
      csmEmail: text('CSM Email'),
      ae: text('AE', { aliases: ['Account Executive'] }),
      champion: text('Champion'),
      championEmail: text('Champion Email'),
      executiveSponsor: text('Executive Sponsor', { aliases: ['Exec Sponsor'] }),
      timezone: col('Timezone', 'timezone', ['Time Zone']),
      // Whose public holidays the calendar holds avoid (SPEC §4.3): a code (US, GB, DE-BY) or an English name.
      country: text('Country', { aliases: ['Holiday Country'] }),
      keyTheme: text('Key Theme'),
      // The EBR's renewal-outlook factors (SPEC §2): budget and competitive threat are for the prep brief only.
      plan: text('Plan'),
      renewalConfidence: text('Renewal Confidence'),
      budgetStatus: text('Budget Status'),
      competitiveThreat: text('Competitive Threat'),
      valuePerception: text('Value Perception'),
      contractSatisfaction: text('Contract Satisfaction'),
      // Not in SPEC §2's table: an account billed in another currency or language needs them (see README).
      currency: text('Currency'),
      locale: text('Locale'),
    },
  },
  metrics: {
    name: 'Metrics',
    columns: {
      accountId: req('Account ID', 'text'),
      quarter: req('Quarter', 'quarter'),
      activeUsers: col('Active Users', 'number'),
      licensedSeats: col('Licensed Seats', 'number', ['Seats']),
      featuresUsed: col('Features Used', 'number'),
      featuresAvailable: col('Features Available', 'number'),
      dau: col('DAU', 'number'),
      mau: col('MAU', 'number'),
      apiCallsPerDay: col('API Calls/Day', 'number', ['API Calls per Day', 'API Calls']),
      uptime: col('Uptime %', 'percent', ['Uptime']),
      tickets: col('Tickets', 'number'),
      firstResponseHours: col('First Response (h)', 'number', ['First Response']),
      resolutionHours: col('Resolution (h)', 'number', ['Resolution']),
      escalations: col('Escalations', 'number'),
      csat: col('CSAT', 'number'),
      nps: col('NPS', 'number', undefined, [-100, 100]),
      usageScore: col('Usage Score', 'number', undefined, [0, 100]),
      engagementScore: col('Engagement Score', 'number', undefined, [0, 100]),
      supportScore: col('Support Score', 'number', undefined, [0, 100]),
      relationshipScore: col('Relationship Score', 'number', undefined, [0, 100]),
    },
  },
  outcomes: {
    name: 'Outcomes',
    columns: {
      accountId: req('Account ID', 'text'),
      objective: req('Objective', 'text'),
      metric: text('Metric'),
      baseline: col('Baseline', 'amount'),
      target: col('Target', 'amount'),
      current: col('Current', 'amount'),
      direction: text('Direction'),
      source: text('Source'),
    },
  },
  value: {
    name: 'Value',
    columns: {
      accountId: req('Account ID', 'text'),
      quarter: req('Quarter', 'quarter'),
      category: req('Category', 'text'),
      description: text('Description'),
      quantity: col('Quantity', 'amount'),
      rate: col('Rate', 'amount'),
      baseline: col('Baseline', 'money'),
      current: col('Current', 'money'),
      value: col('Value', 'money'),
      source: text('Source'),
    },
  },
  stakeholders: {
    name: 'Stakeholders',
    columns: {
      accountId: req('Account ID', 'text'),
      name: req('Name', 'text'),
      title: text('Title'),
      side: text('Side'),
      role: text('Role'),
      email: text('Email'),
      level: text('Level'),
      attending: text('Attending'),
      influence: text('Influence'),
      sentiment: text('Sentiment'),
      lastContact: col('Last Contact', 'date'),
      status: text('Status'),
      note: text('Note', { aliases: ['Notes'] }),
    },
  },
  risks: {
    name: 'Risks',
    columns: {
      accountId: req('Account ID', 'text'),
      risk: req('Risk', 'text'),
      category: text('Category'),
      likelihood: text('Likelihood'),
      impact: text('Impact'),
      arrAtRisk: col('ARR at Risk', 'money'),
      mitigation: text('Mitigation'),
      owner: text('Owner'),
      status: text('Status'),
      // SPEC §4.0: yes/no decides whether the customer sees the risk; blank falls back to the category default.
      share: text('Share', { aliases: ['Shared', 'Share With Customer'] }),
    },
  },
  opportunities: {
    name: 'Opportunities',
    columns: {
      accountId: req('Account ID', 'text'),
      opportunity: req('Opportunity', 'text'),
      type: text('Type'),
      potentialArr: col('Potential ARR', 'money'),
      probability: col('Probability', 'percent'),
      timeline: text('Timeline'),
      sponsor: text('Sponsor'),
      nextStep: text('Next Step'),
      // SPEC §4.5: the QBR date a path was surfaced at (written by `qbr record`), for the program's expansion metrics.
      linkedTo: text('Linked To', { aliases: ['Surfaced At'] }),
    },
  },
  roadmap: {
    name: 'Roadmap',
    columns: {
      item: req('Item', 'text'),
      accountId: text('Account ID'),
      type: text('Type'),
      release: text('Release'),
      benefit: text('Benefit'),
      priority: text('Priority'),
      status: text('Status'),
    },
  },
  goals: {
    name: 'Goals',
    columns: {
      accountId: req('Account ID', 'text'),
      goal: req('Goal', 'text'),
      successCriteria: text('Success Criteria'),
      owner: text('Owner'),
      due: col('Due', 'date', ['Due Date']),
      progress: col('Progress', 'percent'),
    },
  },
  actions: {
    name: 'Actions',
    columns: {
      actionId: req('Action ID', 'text'),
      accountId: req('Account ID', 'text'),
      action: req('Action', 'text'),
      owner: text('Owner'),
      side: text('Side'),
      dueDate: col('Due Date', 'date', ['Due']),
      status: text('Status'),
      linkedTo: text('Linked To'),
      completionDate: col('Completion Date', 'date', ['Completed']),
    },
  },
  settings: {
    name: 'Settings',
    columns: { key: req('Key', 'text', ['Setting']), value: col('Value', 'text') },
  },
  qbrLog: {
    name: 'QBR Log',
    columns: {
      accountId: req('Account ID', 'text'),
      qbrDate: col('QBR Date', 'date'),
      deckUrl: text('Deck URL'),
      docUrl: text('Doc URL'),
      draftId: text('Draft ID'),
      eventIds: text('Event IDs'),
      generatedAt: text('Generated At'),
      warnings: text('Warnings'),
    },
  },
  // The same QBR Log tab seen by the record and the program view (SPEC §4.5): kept apart from `qbrLog` so the
  // package write-back, which lays out every column of its spec, does not add these headers to every tracker.
  qbrRecord: {
    name: 'QBR Log',
    columns: {
      accountId: req('Account ID', 'text'),
      qbrDate: col('QBR Date', 'date'),
      held: col('Held', 'date', ['Held On']),
      attendees: text('Attendees'),
      executiveAttendance: text('Executive Attendance'),
      customerPreparation: text('Customer Preparation'),
      engagement: text('Engagement', { aliases: ['Engagement Level'] }),
      takeaways: text('Takeaways', { aliases: ['Key Takeaways'] }),
    },
  },
} as const satisfies Record<string, TabSpec>;

export type TabKey = keyof typeof TABS;

interface KindValue {
  text: string;
  money: number;
  number: number;
  percent: number;
  amount: number;
  date: IsoDate;
  quarter: Quarter;
  /** An IANA zone name (Windows/Outlook names already mapped). */
  timezone: string;
}

/** A parsed row: every column's value or null when missing, plus the sheet's 1-based row number. */
export type RowOf<K extends TabKey> = {
  -readonly [C in keyof (typeof TABS)[K]['columns']]: (typeof TABS)[K]['columns'][C] extends { required: true; kind: infer T extends Kind }
    ? KindValue[T]
    : (typeof TABS)[K]['columns'][C] extends { kind: infer T extends Kind } ? KindValue[T] | null : never;
} & { row: number };

/** Tab and header matching (SPEC §2): case-insensitive, ignoring spaces, `_` and `-`. */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}
