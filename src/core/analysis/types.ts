/** AccountReview: everything a QBR package says about one account, computed once by the analysis. */
import type { IsoDate } from '../dates';
import type { Finding } from '../tracker/findings';
import type { QbrRecord } from '../program/record';

export type Segment = 'Strategic' | 'Enterprise' | 'Mid-Market' | 'SMB' | 'Tech-Touch';
export type DeckVariant = 'ebr' | 'enterprise' | 'midmarket' | 'smb';
export type Band = 'Green' | 'Yellow' | 'Red';
export type Direction = 'up' | 'down' | 'stable';
export type Dimension = 'usage' | 'engagement' | 'support' | 'relationship';

export const METRIC_KEYS = [
  'activeUsers', 'licensedSeats', 'featuresUsed', 'featuresAvailable', 'dau', 'mau', 'apiCallsPerDay', 'uptime',
  'tickets', 'firstResponseHours', 'resolutionHours', 'escalations', 'csat', 'nps',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface HealthDimensions {
  usage: number | null;
  engagement: number | null;
  support: number | null;
  relationship: number | null;
}

export interface Health {
  score: number | null;
  band: Band | null;
  trend: number | null;
  /** Unrounded 0–100 values (the JSON shows one decimal). */
  dimensions: HealthDimensions;
  /** How each dimension was obtained, for the methodology slide. */
  basis: Record<Dimension, string>;
  /** The weights in force (Settings or defaults), before renormalisation over the dimensions present. */
  weights: Record<Dimension, number>;
}

export interface QuarterSnapshot {
  quarter: string;
  metrics: Record<MetricKey, number | null>;
  health: { score: number | null; dimensions: HealthDimensions };
}

export interface Trend {
  current: number | null;
  previous: number | null;
  /** Relative change (0.28 = +28 %), null when it cannot be computed. */
  change: number | null;
  direction: Direction | null;
}

export interface ValueLine {
  category: string;
  description: string | null;
  value: number | null;
  asReported: boolean;
  source: string | null;
  /** How the value was obtained, in words and numbers (`4,200 h × $75/h`). */
  basis: string;
  /** The inputs the formula used (rate as a fraction for shares), so the package can word the method with currency. */
  inputs?: { quantity: number | null; rate: number | null; baseline: number | null; current: number | null };
  row: number;
}

export interface ValueSummary {
  quarterTotal: number | null;
  investment: number | null;
  roi: number | null;
  annualised: number | null;
  lines: ValueLine[];
}

export type OutcomeStatus = 'Achieved' | 'On Track' | 'At Risk' | 'No Data';

export interface OutcomeReview {
  objective: string;
  metric: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  direction: 'higher' | 'lower';
  progress: number | null;
  status: OutcomeStatus;
  source: string | null;
}

export type Level = 'H' | 'M' | 'L';
export type Quadrant = 'Priority Action' | 'Monitor Closely' | 'Plan & Prepare' | 'Watch & Wait';
export type Escalation = 'Critical' | 'High' | 'Medium' | 'Low';

export interface RiskReview {
  risk: string;
  category: string | null;
  likelihood: Level | null;
  impact: Level | null;
  arrAtRisk: number | null;
  quadrant: Quadrant | null;
  escalation: Escalation | null;
  mitigation: string | null;
  owner: string | null;
  status: string | null;
  open: boolean;
  /** May the customer see it (SPEC §4.0): the Share column, else the category default. */
  shared: boolean;
}

export interface OpportunityReview {
  opportunity: string;
  type: string | null;
  potentialArr: number | null;
  probability: number | null;
  weighted: number | null;
  timeline: string | null;
  sponsor: string | null;
  nextStep: string | null;
}

export interface ActionReview {
  id: string;
  action: string;
  owner: string | null;
  side: string | null;
  dueDate: IsoDate | null;
  /** As written, normalised (`Complete`, `Cancelled`, `In Progress` …), or `Overdue` as of the review's date. */
  status: string;
  /** The status as written (normalised), before any date made it `Overdue`: a package re-dates it to its QBR. */
  writtenStatus: string;
  linkedTo: string | null;
  completionDate: IsoDate | null;
}

export interface Person {
  name: string;
  title: string | null;
  side: 'Customer' | 'Vendor' | null;
  role: string | null;
  email: string | null;
  level: string | null;
  attending: boolean | null;
  influence: string | null;
  sentiment: string | null;
  lastContact: IsoDate | null;
  /** Stakeholders `Status` (`Leaving`, `On leave` …) as written. */
  status: string | null;
  note: string | null;
}

export interface RoadmapItem {
  item: string;
  type: 'Released' | 'Upcoming' | 'Request' | null;
  release: string | null;
  benefit: string | null;
  priority: string | null;
  status: string | null;
  /** True when the item is for this account only (not every account). */
  accountSpecific: boolean;
}

export interface GoalReview {
  goal: string;
  successCriteria: string | null;
  owner: string | null;
  due: IsoDate | null;
  progress: number | null;
}

export interface AccountReview {
  id: string;
  name: string;
  arr: number;
  segment: Segment;
  reviewType: string;
  deck: DeckVariant | null;
  cadenceMonths: number;
  /** `90–120 min`, or `async` for a digital review. */
  reviewLength: string;
  quarter: string | null;
  nextQbrDue: IsoDate | null;
  overdue: boolean;
  qbrDate: IsoDate | null;
  /** The later of the Accounts `Last QBR Date` and the latest QBR held and recorded by today. */
  lastQbrDate: IsoDate | null;
  /** The Accounts `Last QBR Date` as written (a package for an earlier QBR date looks back from it). */
  sheetLastQbrDate?: IsoDate | null;
  /** The tracker's Settings date order, for text dates read again later (an action's `Linked To`). */
  dateOrder?: 'MDY' | 'DMY';
  contractStart: IsoDate | null;
  licensedSeats: number | null;
  health: Health;
  /** Up to the last 4 quarters, oldest first, for charts. */
  history: QuarterSnapshot[];
  trends: Record<MetricKey, Trend>;
  value: ValueSummary;
  outcomes: OutcomeReview[];
  risks: RiskReview[];
  opportunities: { total: number | null; weighted: number | null; items: OpportunityReview[] };
  actions: { completionRate: number | null; band: Band | null; overdue: string[]; basis: 'last-qbr' | 'all'; items: ActionReview[] };
  renewal: { date: IsoDate | null; daysToRenewal: number | null; monthsToRenewal: number | null; focus: string | null };
  people: {
    csm: string | null; csmEmail: string | null; ae: string | null; champion: string | null; championEmail: string | null;
    executiveSponsor: string | null; stakeholders: Person[];
  };
  keyTheme: string | null;
  /** Accounts `Plan` and the renewal-outlook factors as written (null when the column or cell is empty). */
  plan?: string | null;
  renewalFactors?: { confidence: string | null; budget: string | null; competitiveThreat: string | null; valuePerception: string | null; contractSatisfaction: string | null };
  roadmap: RoadmapItem[];
  /** Settings `First Response SLA (h)` / `Resolution SLA (h)`: the support targets the support slide compares against. */
  sla?: { firstResponseHours: number | null; resolutionHours: number | null };
  /** Peer benchmarks within the book; empty when no cohort reaches 5 accounts. */
  benchmarks?: Benchmark[];
  goals: GoalReview[];
  /**
   * The account's QBRs held and recorded (SPEC §4.5: QBR Log rows with `Held`), each with its commitments and paths;
   * a package for one of their QBR dates follows up on it instead of preparing the meeting again.
   */
  recorded?: QbrRecord[];
  locale: string;
  currency: string;
  /** IANA zone for holds; null means "the user's own". */
  timezone: string | null;
  /** Whose public holidays the holds avoid: Accounts `Country`, Settings `Holiday Country` (as written; resolved when holds are planned). */
  holidayCountry: { account: string | null; settings: string | null };
  findings: Finding[];
}

export type BenchmarkMetric = 'seatUtilisation' | 'featureAdoption' | 'health' | 'valueToArr';

/** One peer benchmark (SPEC §4.2): the account's percentile among its segment, or the whole book, of at least 5. */
export interface Benchmark {
  metric: BenchmarkMetric;
  /** Seat utilisation and feature adoption as fractions, health 0–100, value/ARR as a fraction of ARR. */
  value: number;
  cohort: 'segment' | 'book';
  /** The segment's name, or `book`. */
  cohortName: string;
  cohortSize: number;
  /** 0–100, ties sharing the mid rank. */
  percentile: number;
  /** 1 = highest in the cohort (ties share the better rank). */
  rank: number;
}

export interface BookReview {
  today: IsoDate;
  accounts: AccountReview[];
  skipped: { id: string; reason: string }[];
  findings: Finding[];
}
