/** Example tracker, part 3: what comes next — Roadmap, Goals, Actions — plus Settings and the empty QBR Log. */
import { _, d, pct, type ExampleTab } from './cells';

export function roadmapTab(): ExampleTab {
  return {
    name: 'Roadmap',
    widths: { Item: 36, Benefit: 56 },
    rows: [
      ['Item', 'Account ID', 'Type', 'Release', 'Benefit', 'Priority', 'Status'],
      ['Scheduled report bursting', _, 'Released', '2026-Q3', 'Each region gets its own report on a schedule, no manual splitting', _, 'Generally available'],
      ['Natural-language query (beta)', _, 'Released', '2026-Q4', 'Ask questions of any dashboard in plain English', _, 'Beta'],
      ['Column-level data lineage', _, 'Upcoming', '2027-Q1', 'Trace every metric back to its source column', _, 'In development'],
      ['EU data residency', _, 'Upcoming', '2027-Q2', 'Keep EU customer data in EU regions', _, 'Planned'],
      ['SSO federation', 'ACC-001', 'Request', '2027-Q3', "One sign-in across GlobalTech's US and EU identity providers", 'High', 'On the roadmap for Q3 2027; early access in Q2'],
      ['HL7 FHIR connector', 'ACC-002', 'Request', '2027-Q1', 'Replaces the custom HL7 interface behind this year\'s escalations', 'High', 'Committed'],
      ['Offline mode for depot tablets', 'ACC-003', 'Request', _, 'Dashboards keep working in depots with poor signal', 'Medium', 'Under review'],
      ['SAP S/4HANA connector', 'ACC-004', 'Upcoming', '2027-Q1', 'Replaces the CSV bridge built during the ERP migration', 'High', 'In development'],
    ],
  };
}

export function goalsTab(): ExampleTab {
  return {
    name: 'Goals',
    widths: { Goal: 44, 'Success Criteria': 44 },
    rows: [
      ['Account ID', 'Goal', 'Success Criteria', 'Owner', 'Due', 'Progress'],
      ['ACC-001', 'Self-serve analytics for the Marketing team', 'The 15 Marketing users identified active each month', 'Priya Raman', d('2027-03-31'), pct(20)],
      ['ACC-001', 'Retire the last legacy BI tool', 'Legacy BI contract not renewed', 'Marcus Lee', d('2027-01-31'), pct(60)],
      ['ACC-002', 'Readmission report within 2 days of discharge', 'Median lag ≤ 2 days for a full quarter', 'Elena Vasquez', d('2027-03-31'), pct(55)],
      ['ACC-003', 'Route analytics live in all 14 depots', '14 of 14 depots on daily route reports', 'Tom Becker', d('2027-06-30'), pct(70)],
      ['ACC-004', 'Re-onboard plant supervisors', '180 weekly active plant users again', 'Kevin Walsh', d('2027-01-31'), pct(25)],
      ['ACC-005', 'Automate 40 monthly member reports', '40 reports produced without manual steps', 'Rachel Kim', d('2027-01-15'), pct(67.5)],
      ['ACC-006', 'Forecast accuracy of 90% on seasonal lines', 'Two seasons in a row at 90% or better', 'Hannah Scott', d('2027-04-30'), pct(80)],
      ['ACC-007', 'Board pack in under an hour a week', 'Founder spends ≤ 1 hour on the weekly pack', 'Ben Carter', d('2027-02-28'), pct(50)],
    ],
  };
}

/**
 * Linked To holds the date of the QBR that created the action (it must equal the account's Last QBR
 * Date to count towards its completion rate) or free text such as a goal.
 */
export function actionsTab(): ExampleTab {
  const c = 'Customer';
  const v = 'Vendor';
  return {
    name: 'Actions',
    widths: { Action: 48, 'Linked To': 24 },
    rows: [
      ['Action ID', 'Account ID', 'Action', 'Owner', 'Side', 'Due Date', 'Status', 'Linked To', 'Completion Date'],
      ['A-101', 'ACC-001', 'Share the SSO federation roadmap date', 'Maya Patel', v, d('2026-09-15'), 'Complete', d('2026-08-20'), d('2026-09-12')],
      ['A-102', 'ACC-001', 'Nominate a power user in each product team', 'Priya Raman', c, d('2026-09-30'), 'Complete', d('2026-08-20'), d('2026-09-26')],
      ['A-103', 'ACC-001', 'Run the reporting-automation workshop for FP&A', 'Maya Patel', v, d('2026-10-15'), 'Complete', d('2026-08-20'), d('2026-10-09')],
      ['A-104', 'ACC-001', 'Confirm the EU subsidiary seat count', 'Daniel Okafor', c, d('2026-12-15'), 'In Progress', d('2026-08-20'), _],
      ['A-105', 'ACC-001', 'Send the lineage add-on demo recording', 'Chris Donovan', v, d('2026-11-30'), 'Open', 'Goal: retire the last legacy BI tool', _],
      ['A-106', 'ACC-001', 'Open the renewal discussion at the 90-day mark, with multi-year pricing options', 'Chris Donovan', v, d('2027-02-21'), 'Open', 'Renewal May 22, 2027', _],
      ['A-201', 'ACC-002', 'Executive briefing for the incoming CIO', 'Jordan Reyes', v, d('2026-11-15'), 'Open', d('2026-09-10'), _],
      ['A-202', 'ACC-002', 'Fix HL7 interface retry errors', 'Brightline Support', v, d('2026-10-31'), 'Complete', d('2026-09-10'), d('2026-10-28')],
      ['A-203', 'ACC-002', 'Provide the readmission baseline data', 'Elena Vasquez', c, d('2026-10-15'), 'Complete', d('2026-09-10'), d('2026-10-20')],
      // Deferred to the 2027 budget, so it no longer counts against the completion rate.
      ['A-204', 'ACC-002', 'Pilot the population health module', 'Dr. Aisha Thompson', c, d('2026-12-31'), 'Cancelled', d('2026-09-10'), _],
      ['A-301', 'ACC-003', "Connect the Northeast depots' TMS feed", 'Tom Becker', c, d('2026-11-30'), 'In Progress', d('2026-10-08'), _],
      ['A-302', 'ACC-003', 'Quarterly fuel savings report', 'Maya Patel', v, d('2026-11-10'), 'Complete', d('2026-10-08'), d('2026-11-09')],
      ['A-303', 'ACC-003', 'Competitive comparison for the COO', 'Maya Patel', v, d('2026-10-31'), 'Complete', d('2026-10-08'), d('2026-10-30')],
      ['A-401', 'ACC-004', 'Re-onboarding sessions for plant supervisors', 'Jordan Reyes', v, d('2026-06-30'), 'Complete', d('2026-05-14'), d('2026-07-02')],
      ['A-402', 'ACC-004', 'Map ERP fields to the Brightline data model', 'Kevin Walsh', c, d('2026-07-31'), 'Open', d('2026-05-14'), _],
      ['A-403', 'ACC-004', 'Escalate the SAP connector with Product', 'Jordan Reyes', v, d('2026-06-15'), 'Complete', d('2026-05-14'), d('2026-06-10')],
      ['A-404', 'ACC-004', 'Executive check-in with the VP Operations', 'Alicia Brooks', v, d('2026-09-30'), 'Not Started', d('2026-05-14'), _],
      ['A-501', 'ACC-005', 'Build 10 automated member reports', 'Rachel Kim', c, d('2026-09-30'), 'Complete', d('2026-06-10'), d('2026-09-22')],
      ['A-502', 'ACC-005', 'Train a backup report owner before the leave', 'Rachel Kim', c, d('2026-11-30'), 'Open', d('2026-06-10'), _],
      ['A-601', 'ACC-006', 'Forecast model review with merchandising', 'Sam Whitaker', v, d('2026-08-31'), 'Complete', d('2026-07-21'), d('2026-08-28')],
      ['A-701', 'ACC-007', 'Send the renewal quote with the Growth plan option', 'Alicia Brooks', v, d('2026-11-25'), 'Open', 'Renewal', _],
      // A trial prospect's follow-up typed into the tracker before the account was added.
      ['A-901', 'ACC-999', 'Follow up on the trial extension', 'Sam Whitaker', v, d('2026-11-20'), 'Open', _, _],
    ],
  };
}

export function settingsTab(): ExampleTab {
  return {
    name: 'Settings',
    rows: [
      ['Key', 'Value'],
      ['Hourly Rate', 75],
      ['Timezone', 'America/New_York'],
      ['Currency', 'USD'],
      ['First Response SLA (h)', 4],
      ['Resolution SLA (h)', 24],
    ],
  };
}

export function qbrLogTab(): ExampleTab {
  return {
    name: 'QBR Log',
    rows: [['Account ID', 'QBR Date', 'Deck URL', 'Doc URL', 'Draft ID', 'Event IDs', 'Generated At', 'Warnings']],
  };
}
