/** Example tracker, part 2: what each account got and who is involved — Outcomes, Value, Stakeholders, Risks, Opportunities. */
import { _, pct, q, usd, type ExampleTab } from './cells';

export function outcomesTab(): ExampleTab {
  return {
    name: 'Outcomes',
    widths: { Objective: 44, Metric: 36, Source: 44 },
    rows: [
      ['Account ID', 'Objective', 'Metric', 'Baseline', 'Target', 'Current', 'Direction', 'Source'],
      ['ACC-001', 'Cut the monthly reporting cycle', 'Reporting cycle (hours)', 120, 8, 4, 'lower', 'GlobalTech FP&A close calendar, Oct 2026'],
      ['ACC-001', 'Self-serve analytics for every product team', 'Monthly active share of licensed seats', pct(40), pct(90), pct(85), 'higher', 'Brightline admin console, Nov 2026'],
      ['ACC-002', 'Shorten readmission-report lag', 'Days from discharge to report', 14, 2, 6, 'lower', 'Meridian quality office'],
      ['ACC-002', 'Consolidate clinical dashboards', 'Dashboards in use', 340, 60, 150, 'lower', 'Brightline content audit, Sep 2026'],
      ['ACC-003', 'Lower cost per delivery route', 'Cost per route', usd(412), usd(370), usd(381), 'lower', 'Harborview TMS export, Oct 2026'],
      ['ACC-004', 'Restore plant-floor adoption after the ERP cutover', 'Weekly active plant users', 180, 250, 95, 'higher', 'Brightline usage logs'],
      ['ACC-005', 'Automate member reporting', 'Reports still built by hand each month', 45, 5, 18, 'lower', 'Pinecrest finance systems team'],
      ['ACC-006', 'Forecast seasonal demand accurately', 'Forecast accuracy', pct(72), pct(90), pct(88), 'higher', 'Bluebird merchandising review, Oct 2026'],
      ['ACC-007', 'Board metrics without spreadsheets', 'Hours per week on the board pack', 6, 1, 2, 'lower', 'Founder estimate'],
    ],
  };
}

export function valueTab(): ExampleTab {
  return {
    name: 'Value',
    widths: { Description: 52, Source: 48 },
    rows: [
      ['Account ID', 'Quarter', 'Category', 'Description', 'Quantity', 'Rate', 'Baseline', 'Current', 'Value', 'Source'],
      ['ACC-001', q('2026-Q3'), 'Time Savings', 'Automated monthly reporting (1,500 analyst hours)', 1500, usd(75), _, _, _, 'Brightline usage logs × GlobalTech timesheet sample'],
      // GlobalTech's quarter: $135,000 + $21,250 + $14,250 = $170,500 on a $55,000 quarterly investment = 3.1x.
      ['ACC-001', q('2026-Q4'), 'Time Savings', 'Automated monthly reporting (1,800 analyst hours)', 1800, usd(75), _, _, _, 'Brightline usage logs × GlobalTech timesheet sample'],
      ['ACC-001', q('2026-Q4'), 'Cost Reduction', 'Retired two point solutions (quarterly licence cost)', _, _, usd(21_250), usd(0), _, 'GlobalTech procurement: cancelled contracts, Oct 2026'],
      ['ACC-001', q('2026-Q4'), 'Risk Avoidance', 'Reporting errors caught before the board pack', 3, usd(4750), _, _, _, 'GlobalTech FP&A incident log, Q4 2026'],
      ['ACC-002', q('2026-Q4'), 'Revenue Impact', 'Faster claims coding: revenue recovered', usd(1_400_000), pct(25), _, _, _, 'Meridian revenue-cycle team, Q4 report'],
      // Rate left blank: the Settings Hourly Rate applies.
      ['ACC-002', q('2026-Q4'), 'Time Savings', 'Clinical dashboard consolidation (2,900 hours)', 2900, _, _, _, _, 'Meridian analytics team time study'],
      ['ACC-002', q('2026-Q4'), 'Risk Avoidance', 'Compliance reporting deadlines met (3 penalties avoided)', 3, usd(40_000), _, _, _, 'Meridian compliance office'],
      // The customer's finance team reported a figure; it overrides Quantity × Rate.
      ['ACC-002', q('2026-Q4'), 'Quality Improvement', 'Fewer billing errors', usd(600_000), pct(20), _, _, usd(110_000), 'Meridian CFO office estimate, Nov 2026'],
      ['ACC-003', q('2026-Q4'), 'Cost Reduction', 'Fuel spend after route optimisation', _, _, usd(480_000), usd(402_000), _, 'Harborview fuel-card statements'],
      ['ACC-003', q('2026-Q4'), 'Time Savings', 'Dispatcher planning time (1,600 hours)', 1600, usd(75), _, _, _, 'Harborview dispatch leads'],
      ['ACC-004', q('2026-Q4'), 'Time Savings', 'Scheduled production reports (600 hours)', 600, usd(75), _, _, _, "Atlas plant managers' estimate"],
      ['ACC-004', q('2026-Q4'), 'Risk Avoidance', 'Line stoppages caught early by alerts', 2, usd(25_000), _, _, _, _],
      ['ACC-005', q('2026-Q4'), 'Time Savings', 'Member reports automated (420 hours)', 420, usd(75), _, _, _, 'Pinecrest finance systems team'],
      ['ACC-005', q('2026-Q4'), 'Quality Improvement', 'Reconciliation error cost', usd(40_000), pct(30), _, _, _, 'Pinecrest internal audit'],
      ['ACC-006', q('2026-Q4'), 'Revenue Impact', 'Fewer stock-outs on seasonal lines', usd(90_000), pct(15), _, _, _, 'Bluebird merchandising review, Oct 2026'],
      ['ACC-007', q('2026-Q4'), 'Time Savings', 'Board pack preparation (60 hours)', 60, usd(75), _, _, _, 'Founder estimate'],
      ['ACC-008', q('2026-Q4'), 'Time Savings', 'Client reporting templates (24 hours)', 24, usd(75), _, _, _, 'In-app survey, Nov 2026'],
    ],
  };
}

export function stakeholdersTab(): ExampleTab {
  const c = 'Customer';
  const v = 'Vendor';
  return {
    name: 'Stakeholders',
    rows: [
      ['Account ID', 'Name', 'Title', 'Side', 'Role', 'Email', 'Level', 'Attending'],
      ['ACC-001', 'Daniel Okafor', 'CTO', c, 'Executive Sponsor', 'daniel.okafor@globaltech.example', 'Executive', 'Yes'],
      ['ACC-001', 'Priya Raman', 'VP Engineering', c, 'Champion', 'priya.raman@globaltech.example', 'VP', 'Yes'],
      ['ACC-001', 'Marcus Lee', 'Director of Data', c, 'Decision Maker', 'marcus.lee@globaltech.example', 'Director', 'Yes'],
      ['ACC-001', 'Maya Patel', 'Customer Success Manager', v, 'CSM', 'maya.patel@brightline.example', 'Manager', 'Yes'],
      ['ACC-001', 'Chris Donovan', 'Account Executive', v, 'AE', 'chris.donovan@brightline.example', 'Manager', 'No'],
      ['ACC-002', 'Robert Chen', 'CIO (leaving Jan 2027)', c, 'Executive Sponsor', 'robert.chen@meridianhealth.example', 'Executive', 'Yes'],
      ['ACC-002', 'Elena Vasquez', 'Director of Clinical Analytics', c, 'Champion', 'elena.vasquez@meridianhealth.example', 'Director', 'Yes'],
      ['ACC-002', 'Dr. Aisha Thompson', 'Chief Medical Information Officer', c, 'Decision Maker', 'aisha.thompson@meridianhealth.example', 'Executive', 'Yes'],
      ['ACC-002', 'Jordan Reyes', 'Senior Customer Success Manager', v, 'CSM', 'jordan.reyes@brightline.example', 'Manager', 'Yes'],
      ['ACC-002', 'Natalie Cho', 'VP Customer Success', v, 'Executive Sponsor', 'natalie.cho@brightline.example', 'Executive', 'Yes'],
      ['ACC-003', 'Linda Ostrowski', 'COO', c, 'Executive Sponsor', 'linda.ostrowski@harborview.example', 'Executive', 'Yes'],
      ['ACC-003', 'Tom Becker', 'Director of Logistics Analytics', c, 'Champion', 'tom.becker@harborview.example', 'Director', 'Yes'],
      ['ACC-003', 'Maya Patel', 'Customer Success Manager', v, 'CSM', 'maya.patel@brightline.example', 'Manager', 'Yes'],
      ['ACC-004', 'Sandra Liu', 'VP Operations', c, 'Executive Sponsor', 'sandra.liu@atlasmfg.example', 'VP', 'No'],
      ['ACC-004', 'Kevin Walsh', 'Plant Systems Manager', c, 'Champion', 'kevin.walsh@atlasmfg.example', 'Manager', 'Yes'],
      ['ACC-004', 'Jordan Reyes', 'Senior Customer Success Manager', v, 'CSM', 'jordan.reyes@brightline.example', 'Manager', 'Yes'],
      ['ACC-005', 'Mark Delaney', 'CFO', c, 'Executive Sponsor', 'mark.delaney@pinecrestcu.example', 'Executive', 'No'],
      ['ACC-005', 'Rachel Kim', 'Finance Systems Lead', c, 'Champion', 'rachel.kim@pinecrestcu.example', 'Manager', 'Yes'],
      ['ACC-006', 'Oliver Grant', 'Managing Director', c, 'Executive Sponsor', 'oliver.grant@bluebird.example', 'Executive', 'No'],
      ['ACC-006', 'Hannah Scott', 'Head of Merchandising', c, 'Champion', 'hannah.scott@bluebird.example', 'Director', 'Yes'],
      ['ACC-007', 'Ben Carter', 'Founder & CEO', c, 'Champion', 'ben@sproutanalytics.example', 'Executive', 'Yes'],
      ['ACC-008', 'Ava Moreno', 'Owner', c, 'Champion', 'ava@lanterndesign.example', 'Executive', 'No'],
    ],
  };
}

export function risksTab(): ExampleTab {
  return {
    name: 'Risks',
    widths: { Risk: 52, Mitigation: 52 },
    rows: [
      ['Account ID', 'Risk', 'Category', 'Likelihood', 'Impact', 'ARR at Risk', 'Mitigation', 'Owner', 'Status'],
      ['ACC-001', 'SSO federation gap blocks the EU subsidiary rollout', 'Product', 'M', 'H', usd(60_000), 'Share the SSO federation date; per-tenant SAML in the meantime', 'Maya Patel', 'Open'],
      ['ACC-001', 'Data team reorganisation may move the champion', 'Relationship', 'L', 'M', usd(40_000), 'Multi-thread: bring Marcus Lee into the QBR', 'Maya Patel', 'Monitoring'],
      ['ACC-002', 'Executive sponsor (CIO) leaves in January; successor reviewing vendor consolidation', 'Relationship', 'H', 'H', usd(1_250_000), 'Exec-to-exec meeting with the incoming CIO; EBR built on the value story', 'Jordan Reyes', 'Open'],
      ['ACC-002', 'Repeated escalations on the HL7 interface', 'Support', 'Medium', 'Medium', usd(150_000), 'Engineering owner assigned; weekly status to Elena', 'Jordan Reyes', 'Open'],
      ['ACC-003', 'Competitor pilot in the Northeast depots', 'Competition', 'M', 'H', usd(180_000), 'Side-by-side cost-per-route comparison for the COO', 'Maya Patel', 'Open'],
      ['ACC-004', 'Adoption collapse after the ERP migration', 'Adoption', 'H', 'M', usd(145_000), 'Re-onboarding plan with plant supervisors; SAP connector in Q1', 'Jordan Reyes', 'Open'],
      ['ACC-004', 'FY27 budget freeze announced', 'Commercial', 'High', 'High', usd(95_000), 'Renewal value case with the VP Operations before January', 'Alicia Brooks', 'Open'],
      // ARR at Risk not yet estimated.
      ['ACC-005', 'Champion on parental leave Dec–Mar', 'Relationship', 'H', 'M', _, 'Train a backup report owner before the leave', 'Sam Whitaker', 'Open'],
      ['ACC-006', 'Seasonal staff turnover resets training', 'Adoption', 'L', 'L', usd(5_000), 'Short video onboarding for seasonal hires', 'Sam Whitaker', 'Monitoring'],
      ['ACC-007', 'One power user holds all the know-how', 'Adoption', 'H', 'M', usd(12_000), 'Invite a second admin before renewal', 'Digital CS Team', 'Open'],
    ],
  };
}

export function opportunitiesTab(): ExampleTab {
  return {
    name: 'Opportunities',
    widths: { Opportunity: 44, 'Next Step': 52 },
    rows: [
      ['Account ID', 'Opportunity', 'Type', 'Potential ARR', 'Probability', 'Timeline', 'Sponsor', 'Next Step'],
      ['ACC-001', 'EU subsidiary rollout (150 seats)', 'Expansion', usd(85_000), pct(60), 'Q1 2027', 'Daniel Okafor', 'Size seats with Priya once the SSO federation date is confirmed'],
      ['ACC-001', 'Data lineage add-on for the data team', 'Cross-sell', usd(40_000), pct(30), 'Q2 2027', 'Marcus Lee', 'Demo column-level lineage to Marcus'],
      ['ACC-001', 'Marketing team expansion (15 users identified)', 'Expansion', usd(8250), pct(70), 'Q1 2027', 'Priya Raman', 'Meet the Marketing lead with Priya to confirm the 15 users'],
      ['ACC-002', 'Population health module', 'Cross-sell', usd(300_000), pct(20), 'H2 2027', 'Dr. Aisha Thompson', 'Revisit after the new CIO is in place'],
      ['ACC-003', 'Two new regional depots (300 seats)', 'Expansion', usd(150_000), pct(50), 'Q2 2027', 'Linda Ostrowski', 'Proposal after the competitor comparison'],
      ['ACC-005', 'Board reporting pack', 'Upsell', usd(12_000), pct(40), 'At renewal (Jan 2027)', 'Mark Delaney', 'Include in the renewal quote'],
      ['ACC-006', 'Supplier portal licences', 'Expansion', usd(9_500), pct(35), 'Q2 2027', 'Hannah Scott', 'Share supplier portal pricing'],
      ['ACC-007', 'Upgrade to the Growth plan', 'Upsell', usd(6_000), pct(50), 'At renewal (Dec 2026)', 'Ben Carter', 'Renewal quote with both plans'],
    ],
  };
}
