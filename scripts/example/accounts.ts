/** Example tracker, part 1: the Accounts tab and a year of quarterly Metrics for each account. */
import { _, d, n, na, pct, q, usd, type ExampleCell, type ExampleRow, type ExampleTab } from './cells';

const CSM = {
  maya: ['Maya Patel', 'maya.patel@brightline.example'],
  jordan: ['Jordan Reyes', 'jordan.reyes@brightline.example'],
  sam: ['Sam Whitaker', 'sam.whitaker@brightline.example'],
  digital: ['Digital CS Team', 'cs-digital@brightline.example'],
} as const;

export function accountsTab(): ExampleTab {
  return {
    name: 'Accounts',
    widths: { 'Key Theme': 44 },
    rows: [
      ['Account ID', 'Account', 'ARR', 'Segment', 'Licensed Seats', 'Contract Start', 'Renewal Date', 'QBR Date', 'Last QBR Date',
        'CSM', 'CSM Email', 'AE', 'Champion', 'Champion Email', 'Executive Sponsor', 'Timezone', 'Key Theme',
        'Plan', 'Renewal Confidence', 'Budget Status', 'Competitive Threat', 'Value Perception', 'Contract Satisfaction'],
      ['ACC-001', 'GlobalTech', usd(220_000), 'Enterprise', 400, d('2025-05-22'), d('2027-05-22'), d('2026-12-10'), d('2026-08-20'),
        ...CSM.maya, 'Chris Donovan', 'Priya Raman', 'priya.raman@globaltech.example', 'Daniel Okafor', 'America/Chicago',
        'Scale self-serve analytics to the EU subsidiary', 'Enterprise', 'High', 'Approved', 'Low', 'Strong', 'Satisfied'],
      ['ACC-002', 'Meridian Health Systems', usd(1_250_000), 'Strategic', n(2500), d('2024-04-01'), d('2027-03-31'), d('2026-12-03'), d('2026-09-10'),
        ...CSM.jordan, 'Alicia Brooks', 'Elena Vasquez', 'elena.vasquez@meridianhealth.example', 'Robert Chen', 'America/New_York',
        'Protect the renewal through the CIO transition', 'Enterprise Plus', 'Medium', 'Under review with the incoming CIO', 'High: vendor consolidation review', 'Positive, with concerns about integration stability', 'Satisfied'],
      ['ACC-003', 'Harborview Logistics', usd(610_000), 'Strategic', n(1200), d('2025-10-01'), d('2027-09-30'), _, d('2026-10-08'),
        ...CSM.maya, 'Chris Donovan', 'Tom Becker', 'tom.becker@harborview.example', 'Linda Ostrowski', 'America/Los_Angeles',
        'Route-cost analytics in every depot', 'Enterprise Plus', 'High', 'Approved', 'Low', 'Strong', _],
      ['ACC-004', 'Atlas Manufacturing', usd(145_000), 'Enterprise', 300, d('2024-03-01'), d('2027-02-28'), _, d('2026-05-14'),
        ...CSM.jordan, 'Alicia Brooks', 'Kevin Walsh', 'kevin.walsh@atlasmfg.example', 'Sandra Liu', 'America/Detroit',
        'Recover adoption after the ERP migration'],
      ['ACC-005', 'Pinecrest Credit Union', usd(68_000), 'Mid-Market', 120, d('2025-01-15'), d('2027-01-15'), _, d('2026-06-10'),
        ...CSM.sam, 'Alicia Brooks', 'Rachel Kim', 'rachel.kim@pinecrestcu.example', 'Mark Delaney', _,
        'Automate member reporting', 'Professional', 'Medium', 'Approved', 'Medium', 'Positive', 'Satisfied'],
      ['ACC-006', 'Bluebird Outfitters', usd(31_500), 'Mid-Market', 60, d('2025-08-01'), d('2027-08-01'), _, d('2026-07-21'),
        ...CSM.sam, 'Chris Donovan', 'Hannah Scott', 'hannah.scott@bluebird.example', 'Oliver Grant', 'Europe/London',
        'Seasonal demand forecasting'],
      ['ACC-007', 'Sprout Analytics', usd(12_000), 'SMB', 15, d('2025-12-01'), d('2026-12-01'), _, _,
        ...CSM.digital, 'Alicia Brooks', 'Ben Carter', 'ben@sproutanalytics.example', 'Ben Carter', _,
        'Board metrics without spreadsheets'],
      // Segment left blank on purpose: the tool derives Tech-Touch from the ARR.
      ['ACC-008', 'Lantern Design Studio', usd(3_600), _, 5, d('2026-02-01'), d('2027-02-01'), _, _,
        ...CSM.digital, _, 'Ava Moreno', 'ava@lanterndesign.example', _, _, 'Client reporting templates'],
    ],
  };
}

const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

/**
 * Per quarter: Active Users, Licensed Seats, Features Used, Features Available, DAU, MAU, API Calls/Day,
 * Uptime %, Tickets, First Response (h), Resolution (h), Escalations, CSAT, NPS, then the four scores
 * (Usage, Engagement, Support, Relationship). Blank scores are derived by the tool (SPEC §3).
 */
type QuarterFigures = [number, number, number, number, number, number, ExampleCell, number, ...ExampleCell[]];

const FIGURES: Record<string, QuarterFigures[]> = {
  // GlobalTech: adoption climbing fast (266 → 340 active users, +28 %; API calls 5K → 12K a day, 2.4x), health derived from usage and support.
  'ACC-001': [
    [198, 400, 13, 24, 120, 205, n(3000), 99.5, 14, 3.5, 20, 1, 4.3, 38, _, 70, _, 80],
    [231, 400, 15, 24, 142, 240, n(4000), 99.8, 11, 2.5, 16, 1, 4.4, 44, _, 74, _, 83],
    [266, 400, 16, 24, 171, 270, n(5000), 99.5, 9, 2, 14, 1, 4.5, 47, _, 76, _, 85],
    [340, 400, 18, 24, 228, 346, n(12_000), 99.7, 7, 1.5, 10, 0, 4.7, 52, _, 82, _, 88],
  ],
  // Meridian: scores come from the health tool; engagement and relationship slipping with the CIO change.
  'ACC-002': [
    [1980, 2500, 22, 30, 1210, 2010, n(48_000), 99.95, 64, 3, 22, 2, 4.2, 31, 78, 72, 74, 70],
    [2050, 2500, 23, 30, 1260, 2080, n(52_000), 99.8, 71, 3.5, 26, 3, 4, 28, 80, 70, 68, 66],
    [2010, 2500, 23, 30, 1190, 2040, n(51_000), 99.5, 83, 4, 31, 4, 3.8, 22, 77, 64, 62, 58],
    [1925, 2500, 22, 30, 1105, 1950, n(49_000), 99.7, 58, 3.5, 27, 3, 3.9, 18, 74, 60, 64, 52],
  ],
  // Harborview: steady growth; this quarter's NPS survey has not closed (#N/A from the lookup).
  'ACC-003': [
    [760, 1200, 17, 30, 430, 780, n(30_000), 99.7, 40, 2.5, 18, 1, 4.4, 41, _, 74, _, 78],
    [850, 1200, 19, 30, 500, 870, n(34_000), 99.8, 36, 2, 16, 0, 4.5, 45, _, 78, _, 80],
    [935, 1200, 21, 30, 560, 950, n(38_000), 99.7, 33, 2, 15, 1, 4.6, 49, _, 80, _, 82],
    [1010, 1200, 22, 30, 610, 1030, n(41_000), 99.8, 29, 1.5, 13, 0, 4.6, na, _, 83, _, 84],
  ],
  // Atlas: the ERP migration broke their data feeds; usage and support both fell away.
  'ACC-004': [
    [210, 300, 14, 24, 120, 220, n(15_000), 99.5, 22, 4, 30, 1, 4.1, 25, _, 62, _, 60],
    [174, 300, 12, 24, 95, 180, n(11_000), 98.5, 38, 6, 44, 3, 3.6, 12, _, 50, _, 52],
    [132, 300, 10, 24, 70, 140, n(8000), 98.7, 51, 8, 56, 5, 3.2, 4, _, 41, _, 45],
    [118, 300, 9, 24, 61, 125, n(7500), 99.2, 47, 7, 50, 4, 3.4, -2, _, 38, _, 40],
  ],
  // Pinecrest: no API use; this quarter's ticket count was typed as "n/a" (the helpdesk export is late).
  'ACC-005': [
    [82, 120, 11, 20, 40, 85, _, 99.7, 9, 3, 20, 0, 4.5, 40, _, 65, _, 72],
    [88, 120, 11, 20, 44, 90, _, 99.8, 7, 3, 18, 1, 4.3, 38, _, 66, _, 70],
    [91, 120, 12, 20, 47, 93, _, 99.5, 6, 2.5, 17, 0, 4.4, 42, _, 70, _, 71],
    [86, 120, 12, 20, 43, 89, _, 99.7, 'n/a', 2.5, 19, 1, 4.2, 36, _, 64, _, 66],
  ],
  'ACC-006': [
    [38, 60, 8, 16, 18, 40, _, 99.7, 5, 4, 24, 0, 4.6, 50, _, 70, _, 75],
    [44, 60, 9, 16, 22, 46, _, 99.8, 4, 3.5, 20, 0, 4.7, 55, _, 74, _, 78],
    [51, 60, 10, 16, 27, 53, _, 99.7, 6, 3, 22, 0, 4.8, 58, _, 78, _, 80],
    [55, 60, 11, 16, 30, 57, _, 99.8, 4, 2.5, 18, 0, 4.8, 61, _, 81, _, 82],
  ],
  'ACC-007': [
    [9, 15, 5, 12, 4, 10, _, 99.7, 3, 6, 30, 0, 4, 20, _, 55, _, 60],
    [10, 15, 5, 12, 5, 11, _, 99.8, 2, 5, 26, 0, 4.2, 25, _, 57, _, 61],
    [12, 15, 6, 12, 6, 13, _, 99.5, 4, 5, 28, 0, 4.1, 24, _, 60, _, 63],
    [11, 15, 6, 12, 5, 12, _, 99.7, 2, 4.5, 24, 0, 4.2, 27, _, 58, _, 62],
  ],
  // Lantern: a digital-only account; engagement is the in-app score, relationship the survey response.
  'ACC-008': [
    [3, 5, 4, 12, 2, 3, _, 99.7, 1, 8, 40, 0, _, _, _, 45, _, 55],
    [4, 5, 4, 12, 2, 4, _, 99.8, 0, _, _, 0, _, 30, _, 48, _, 58],
    [4, 5, 5, 12, 3, 4, _, 99.5, 1, 6, 30, 0, 4, _, _, 52, _, 60],
    [4, 5, 5, 12, 3, 4, _, 99.7, 0, _, _, 0, _, _, _, 50, _, 60],
  ],
};

export function metricsTab(): ExampleTab {
  const rows: ExampleRow[] = [
    ['Account ID', 'Quarter', 'Active Users', 'Licensed Seats', 'Features Used', 'Features Available', 'DAU', 'MAU',
      'API Calls/Day', 'Uptime %', 'Tickets', 'First Response (h)', 'Resolution (h)', 'Escalations', 'CSAT', 'NPS',
      'Usage Score', 'Engagement Score', 'Support Score', 'Relationship Score'],
  ];
  for (const [id, quarters] of Object.entries(FIGURES)) {
    // A blank row someone left between the enterprise and the mid-market accounts.
    if (id === 'ACC-005') rows.push([]);
    quarters.forEach((f, i) => {
      const [au, seats, used, avail, dau, mau, api, uptime, ...rest] = f;
      rows.push([id, q(QUARTERS[i]!), grouped(au), grouped(seats), used, avail, grouped(dau), grouped(mau), api, pct(uptime), ...rest]);
    });
  }
  return { name: 'Metrics', rows };
}

/** Counts of a thousand or more get separators in the sheet, as a team formats them. */
function grouped(value: number): ExampleCell {
  return value >= 1000 ? n(value) : value;
}
