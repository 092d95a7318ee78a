import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { simpleParser, type AddressObject } from 'mailparser';
import { run } from '../../src/cli/main';

const EXAMPLE = join(__dirname, '../../examples/tracker-csv');
const FORBIDDEN = /\{\{|\[Number\]|\bTBD\b|undefined|NaN/;
const work = mkdtempSync(join(tmpdir(), 'qbr-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function qbr(argv: string[], now = new Date('2026-11-22T12:00:00Z')) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => now });
  return { code, stdout, stderr };
}

const out = join(work, 'out');
let first: Awaited<ReturnType<typeof qbr>>;
beforeAll(async () => {
  first = await qbr(['generate', '--tracker', EXAMPLE, '--all', '--today', '2026-11-22', '--out', out]);
});

const analysis = (id: string) => JSON.parse(readFileSync(join(out, id, 'analysis.json'), 'utf8'));
const uids = (id: string) => new ICAL.Component(ICAL.parse(readFileSync(join(out, id, 'prep-holds.ics'), 'utf8'))).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));

describe('qbr generate --all on the example', () => {
  it('writes every package, reports progress on stderr and exits 0', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/\[1\/8\] ACC-001 GlobalTech: 19-slide enterprise deck/);
    expect(first.stderr).toContain('8 packages written to');
    expect(readdirSync(join(out, 'ACC-001')).sort()).toEqual(['.qbr-manifest.json', 'action-plan.docx', 'analysis.json', 'deck.pptx', 'invitation.eml', 'pre-read.docx', 'prep-brief.docx', 'prep-holds.ics', 'summary.eml']);
    expect(readdirSync(join(out, 'ACC-008')).sort()).toEqual(['.qbr-manifest.json', 'analysis.json', 'digital-review.eml']);
  });

  it('writes a deck whose every slide has notes and no placeholder survives', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'ACC-001', 'deck.pptx')));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const planned = analysis('ACC-001').package.deck.slides as string[];
    expect(planned).toHaveLength(17);
    // Long tables and lists continue on "(cont.)" slides, so there can be more slides than planned, never fewer.
    expect(slides.length).toBeGreaterThanOrEqual(planned.length);
    const notes = Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(notes).toHaveLength(slides.length);
    for (const name of Object.keys(zip.files).filter((f) => f.endsWith('.xml'))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(FORBIDDEN);
    }
    const all = (await Promise.all(slides.map((s) => zip.file(s)!.async('string')))).join('');
    for (const text of ['GlobalTech', '$171K', '3.1x', 'Retired two point solutions', 'SSO federation']) expect(all).toContain(text.replace('&', '&amp;'));
  });

  it('writes the summary as an unsent draft with both parts', async () => {
    const mail = await simpleParser(readFileSync(join(out, 'ACC-001', 'summary.eml')));
    expect(mail.subject).toBe('GlobalTech Q4 2026 Business Review - Summary & Next Steps');
    expect((mail.to as AddressObject).value.map((a) => a.address)).toContain('priya.raman@globaltech.example');
    // Maya Patel (the CSM) sends it, and the other vendor stakeholder (Chris Donovan) does not attend: no Cc.
    expect(mail.cc).toBeUndefined();
    expect(mail.attachments.map((a) => a.filename)).toEqual(['deck.pptx', 'action-plan.docx']);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.text).toContain('Key takeaways'.toUpperCase());
    expect(mail.html).toContain('3.1x return on the quarter&#39;s investment');
    const invite = await simpleParser(readFileSync(join(out, 'ACC-001', 'invitation.eml')));
    expect(invite.subject).toBe('Invitation: GlobalTech Quarterly Business Review — Dec 10, 2026');
    expect(invite.text).toMatch(/Welcome and objectives\s+5/);
  });

  it('writes the holds with stable UIDs: a re-run updates, never duplicates', async () => {
    const before = uids('ACC-001');
    expect(before).toHaveLength(11);
    expect(new Set(before).size).toBe(11);
    const again = await qbr(['generate', '--tracker', EXAMPLE, '--account', 'ACC-001', '--today', '2026-11-22', '--out', out], new Date('2026-11-23T08:00:00Z'));
    expect(again.code).toBe(0);
    expect(uids('ACC-001')).toEqual(before);
    // Nothing was edited in between: every file is replaced in place, none is written beside.
    expect(readdirSync(join(out, 'ACC-001'))).toHaveLength(9);
    const moved = await qbr(['generate', '--tracker', EXAMPLE, '--account', 'ACC-001', '--qbr-date', '2027-01-14', '--today', '2026-11-22', '--out', join(work, 'moved')]);
    expect(moved.code).toBe(0);
    const movedUids = new ICAL.Component(ICAL.parse(readFileSync(join(work, 'moved', 'ACC-001', 'prep-holds.ics'), 'utf8'))).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));
    expect(movedUids.some((u) => before.includes(u))).toBe(false);
  });

  it('writes the pre-read and action plan documents', async () => {
    const doc = await JSZip.loadAsync(readFileSync(join(out, 'ACC-001', 'pre-read.docx')));
    const xml = await doc.file('word/document.xml')!.async('string');
    expect(xml).toContain('GlobalTech — Quarterly Business Review pre-read');
    expect(xml).toContain('Value delivered');
    expect(xml).not.toMatch(FORBIDDEN);
    const plan = await JSZip.loadAsync(readFileSync(join(out, 'ACC-001', 'action-plan.docx')));
    expect(await plan.file('word/document.xml')!.async('string')).toContain('Confirm the EU subsidiary seat count');
  });

  it('keeps the analysis JSON of SPEC §6 beside the package', () => {
    const a = analysis('ACC-001');
    expect(a).toMatchObject({ id: 'ACC-001', segment: 'Enterprise', health: { score: 85, band: 'Green' }, package: { qbrDate: '2026-12-10' } });
    expect(a.value.roi).toBeCloseTo(3.1, 3);
  });
});

describe('qbr generate exit codes', () => {
  it('exits 1 and still writes the others when an account is skipped', async () => {
    const broken = join(work, 'broken');
    cpSync(EXAMPLE, broken, { recursive: true });
    const accounts = readFileSync(join(broken, 'Accounts.csv'), 'utf8').split('\n');
    accounts[1] = accounts[1]!.replace('ACC-001,GlobalTech,', 'ACC-001,GlobalTech,oops,').replace(/,"?\$220[^,]*"?,/, ',');
    writeFileSync(join(broken, 'Accounts.csv'), accounts.join('\n'));
    const r = await qbr(['generate', '--tracker', broken, '--account', 'ACC-001', '--account', 'ACC-007', '--today', '2026-11-22', '--out', join(work, 'b')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 account\(s\) skipped:\n {2}ACC-001: /);
    expect(readdirSync(join(work, 'b'))).toEqual(['ACC-007']);
  });

  it.each([
    [['generate', '--tracker', EXAMPLE, '--today', '2026-11-22', '--out', 'x']],
    [['generate', '--tracker', EXAMPLE, '--all', '--today', '2026-11-22']],
    [['generate', '--tracker', EXAMPLE, '--all', '--qbr-date', '12/10/2026', '--out', 'x']],
    [['generate', '--tracker', EXAMPLE, '--all', '--account', 'ACC-001', '--out', 'x']],
  ])('exits 2 for %j', async (argv) => {
    const r = await qbr(argv);
    expect(r.code).toBe(2);
  });
});

describe('qbr generate 10 days before the QBR', () => {
  it('names the steps already past on the progress line and in analysis.json, and writes only the steps ahead', async () => {
    const dir = join(work, 'late');
    const r = await qbr(['generate', '--tracker', EXAMPLE, '--account', 'ACC-001', '--qbr-date', '2026-12-10', '--today', '2026-11-30', '--out', dir], new Date('2026-11-30T12:00:00Z'));
    expect(r.code).toBe(0);
    // T-14 is Thanksgiving (Thu 11-26), moved to Wed 11-25: before today, so not created.
    expect(r.stderr).toContain('10 holds (1 already past, not created: Data pull & prep begins 2026-11-25)');
    const json = JSON.parse(readFileSync(join(dir, 'ACC-001', 'analysis.json'), 'utf8'));
    expect(json.package.missedHolds).toEqual([{ key: 'ACC-001|2026-12-10|T-14', step: 'Data pull & prep begins', date: '2026-11-25' }]);
    expect(json.package.holidayCalendar).toEqual({ country: 'US', basis: 'time zone America/Chicago' });
    const starts = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'ACC-001', 'prep-holds.ics'), 'utf8'))).getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e).startDate.toString().slice(0, 10)).sort();
    expect(starts).toHaveLength(10);
    expect(starts[0]).toBe('2026-11-30');
  });
});

describe('package folders', () => {
  it('never lets an Account ID escape the output folder', async () => {
    const { safeDirName } = await import('../../src/cli/paths');
    expect(safeDirName('ACC-001')).toBe('ACC-001');
    expect(safeDirName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeDirName('a:b*c?"d"<e>|f\\g\u0001')).toBe('a_b_c__d__e__f_g_');
    expect(safeDirName('..')).toBe('_');
  });
});
