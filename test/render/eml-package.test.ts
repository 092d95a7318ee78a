// The package's emails as files: Python's `email` package finds the deck and docs attached to the summary, ical.js reads the invitation's meeting request.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { analyzeWorkbook } from '../../src/core';
import { meetingAttachment } from '../../src/core/mime/calendar';
import { buildPackage } from '../../src/core/package/package';
import { textTable, TEXT_WIDTH } from '../../src/core/package/html';
import { rawMessage } from '../../src/google/gmail';
import { writePackageFiles } from '../../src/cli/package-files';
import { FolderWriter } from '../../src/cli/manifest';
import { readCsvFolder } from '../../src/workbook/csv';

const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T14:00:00Z');
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
const review = (id: string) => book.accounts.find((a) => a.id === id)!;

/** Each message as Python's email package (policy=default) sees it: recipients, parts, attachments with their SHA-256. */
const PY = `
import email, email.policy, hashlib, json, re, sys
def sections(text):
    # Headings are the upper-case lines the text part writes for each <h3>.
    out, name = {}, None
    for line in text.splitlines():
        if re.fullmatch(r"[A-Z][A-Z0-9 ,&'-]+", line):
            name = line
        elif name:
            out.setdefault(name, []).append(line)
    return out
out = {}
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    plain = m.get_body(('plain',)).get_content()
    out[path.rsplit('/', 1)[-1]] = {
        'type': m.get_content_type(),
        'to': [a.addr_spec for a in m['to'].addresses],
        'cc': [a.addr_spec for a in m['cc'].addresses] if m['cc'] else [],
        'html': m.get_body(('html',)) is not None,
        'sections': sections(plain),
        'attachments': [{'name': p.get_filename(), 'type': p.get_content_type(), 'method': p.get_param('method'),
                         'sha256': hashlib.sha256(p.get_payload(decode=True)).hexdigest()} for p in m.iter_attachments()],
        'defects': sum(len(p.defects) for p in m.walk()),
    }
print(json.dumps(out))
`;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('the package emails as files (ACC-002, QBR Thu 2026-12-03, America/New_York)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qbr-eml-'));
  const pkg = buildPackage(review('ACC-002'), { today: TODAY, links: { deck: 'deck.pptx', preRead: 'pre-read.docx', actionPlan: 'action-plan.docx' } });
  let py: Record<string, { type: string; to: string[]; cc: string[]; html: boolean; sections: Record<string, string[]>; attachments: { name: string; type: string; method: string | null; sha256: string }[]; defects: number }>;

  beforeAll(async () => {
    await writePackageFiles(dir, review('ACC-002'), pkg, NOW, new FolderWriter(dir, TODAY, NOW));
    py = JSON.parse(execFileSync('python3', ['-c', PY, join(dir, 'summary.eml'), join(dir, 'invitation.eml')], { encoding: 'utf8' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('attaches the deck and the action plan to the summary, byte for byte', () => {
    const s = py['summary.eml']!;
    expect(s.type).toBe('multipart/mixed');
    expect(s.html).toBe(true);
    expect(s.defects).toBe(0);
    expect(s.attachments).toEqual([
      { name: 'deck.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', method: null, sha256: sha256(readFileSync(join(dir, 'deck.pptx'))) },
      { name: 'action-plan.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', method: null, sha256: sha256(readFileSync(join(dir, 'action-plan.docx'))) },
    ]);
  });

  it('sends to the champion and customer attendees, cc the vendor attendees other than the sender', () => {
    // Stakeholders: Jordan Reyes (CSM, the sender) and Natalie Cho (VP Customer Success) attend for the vendor.
    expect(review('ACC-002').people.csmEmail).toBe('jordan.reyes@brightline.example');
    for (const name of ['summary.eml', 'invitation.eml']) {
      expect(py[name]!.cc).toEqual(['natalie.cho@brightline.example']);
      expect(py[name]!.to).not.toContain('jordan.reyes@brightline.example');
    }
    expect(py['summary.eml']!.to).toEqual(pkg.emails[0]!.to.map((a) => a.email));
  });

  it('attaches the pre-read and the meeting as an iCalendar REQUEST to the invitation', async () => {
    const inv = py['invitation.eml']!;
    expect(inv.attachments.map((a) => [a.name, a.type, a.method])).toEqual([
      ['pre-read.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', null],
      ['invite.ics', 'text/calendar', 'REQUEST'],
    ]);
    const parsed = await simpleParser(readFileSync(join(dir, 'invitation.eml')));
    const ics = parsed.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString('utf8');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    // 10:00 EST on Thu 2026-12-03 is 15:00 UTC; the ebr agenda is 5+15+10+20+10+15+10+15 = 100 minutes.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(event.duration.toSeconds()).toBe(100 * 60);
    expect(event.organizer).toBe('mailto:jordan.reyes@brightline.example');
    const attendees = event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, ''));
    expect(attendees.sort()).toEqual([...inv.to, ...inv.cc].sort());
    expect(event.uid).toBe('acc-002-2026-12-03-meeting@qbr-facilitator');
    // The body says when, in words the reader can check against the request.
    expect(parsed.text).toContain('Date: Thursday, Dec 3, 2026');
    expect(parsed.text).toContain('Time: 10:00–11:40 (America/New_York)');
    expect(parsed.text).toContain('Duration: 100 minutes');
  });

  it('keeps every line of the plain-text tables within what mail clients leave unwrapped', () => {
    const commitments = py['summary.eml']!.sections['COMMITMENTS']!;
    const agenda = py['invitation.eml']!.sections['AGENDA']!;
    for (const lines of [commitments, agenda]) expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(TEXT_WIDTH);
    // Every open action is in the text, each starting its own row.
    const open = review('ACC-002').actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
    expect(open.length).toBeGreaterThan(0);
    const text = commitments.join('\n').replace(/\n {4}(?![A-Z][a-z]+: )/g, ' ');
    for (const a of open) expect(text).toContain(a.action);
  });
});

describe('the plain-text tables of every example email', () => {
  it.each(book.accounts.map((a) => [a.id]))('%s: no table line is wider than a mail client keeps on one line', (id) => {
    for (const email of buildPackage(review(id), { today: TODAY }).emails) {
      // Table lines: the aligned ones (two spaces between cells, a dash rule) and the row blocks (bullets and their fields).
      const lines = email.text.split('\n');
      const rule = lines.findIndex((l) => /^-+( {2}-+)+$/.test(l));
      if (rule >= 0) expect(lines[rule]!.length).toBeLessThanOrEqual(TEXT_WIDTH);
      const section = (name: string) => {
        const from = lines.indexOf(name);
        if (from < 0) return [];
        const to = lines.findIndex((l, i) => i > from && /^[A-Z][A-Z ]+$/.test(l));
        return lines.slice(from + 1, to < 0 ? undefined : to);
      };
      for (const l of [...section('COMMITMENTS'), ...section('AGENDA')]) expect(l.length).toBeLessThanOrEqual(TEXT_WIDTH);
    }
  });
});

describe('textTable', () => {
  it('aligns columns when every row fits', () => {
    expect(textTable(['Section', 'Minutes'], [['Welcome', '10'], ['Roadmap', '5']])).toEqual([
      'Section  Minutes', '-------  -------', 'Welcome  10', 'Roadmap  5',
    ]);
  });

  it('writes one block per row when a row would be wider than a mail client keeps on one line', () => {
    const action = 'Roll out the analytics workspace to the finance and operations teams across all three regions';
    const lines = textTable(['Action', 'Owner', 'Due', 'Status'], [[action, 'Priya Raman', 'Dec 15, 2026', 'Open'], ['Renew SSO certificate', 'IT', 'Jan 5, 2027', 'In Progress']]);
    expect(lines).toEqual([
      '  • Roll out the analytics workspace to the finance and operations teams',
      '    across all three regions',
      '    Owner: Priya Raman',
      '    Due: Dec 15, 2026',
      '    Status: Open',
      '  • Renew SSO certificate',
      '    Owner: IT',
      '    Due: Jan 5, 2027',
      '    Status: In Progress',
    ]);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(TEXT_WIDTH);
  });
});

describe('the Gmail invitation draft', () => {
  it('carries the same meeting request as the offline file', async () => {
    const pkg = buildPackage(review('ACC-002'), { today: TODAY });
    const invitation = pkg.emails.find((e) => e.kind === 'invitation')!;
    const attachment = meetingAttachment(invitation.meeting!, { now: NOW, defaultTimezone: 'UTC' });
    const raw = rawMessage(invitation, { date: 'Sun, 22 Nov 2026 14:00:00 +0000', attachments: [attachment] });
    const parsed = await simpleParser(Buffer.from(raw, 'base64url'));
    const part = parsed.attachments.find((a) => a.filename === 'invite.ics')!;
    expect(part.contentType).toBe('text/calendar');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(part.content.toString('utf8'))).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(parsed.text).toContain('Duration: 100 minutes');
  });
});
