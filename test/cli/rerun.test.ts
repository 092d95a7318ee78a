import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';

const EXAMPLE = join(__dirname, '../../examples/tracker-csv');
const work = mkdtempSync(join(tmpdir(), 'qbr-rerun-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function qbr(argv: string[], now: Date) {
  let stderr = '';
  const code = await run(argv, { stdout: () => undefined, stderr: (t) => (stderr += t), now: () => now });
  return { code, stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, '.qbr-manifest.json'), 'utf8'));
const docText = async (path: string) => (await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('qbr generate re-run into the same folder (SPEC §4.4)', () => {
  const tracker = join(work, 'tracker');
  const out = join(work, 'out');
  const dir = join(out, 'ACC-001');
  const generate = (today: string, ...extra: string[]) =>
    qbr(['generate', '--tracker', tracker, '--account', 'ACC-001', '--qbr-date', '2026-12-10', '--today', today, '--out', out, ...extra], new Date(`${today}T12:00:00Z`));
  let editedDeck: Buffer;
  let editedPreRead: Buffer;
  let before: Record<string, string>;
  let second: Awaited<ReturnType<typeof qbr>>;

  beforeAll(async () => {
    cpSync(EXAMPLE, tracker, { recursive: true });
    expect((await generate('2026-11-22')).code).toBe(0);
    before = Object.fromEntries(readdirSync(dir).map((f) => [f, sha(join(dir, f))]));
    // The CSM adds a slide-sized part to the deck (a zip-level change) and rewrites a line of the pre-read.
    const deck = await JSZip.loadAsync(readFileSync(join(dir, 'deck.pptx')));
    deck.file('ppt/customer-notes.txt', 'our own slide notes');
    editedDeck = await deck.generateAsync({ type: 'nodebuffer' });
    writeFileSync(join(dir, 'deck.pptx'), editedDeck);
    const doc = await JSZip.loadAsync(readFileSync(join(dir, 'pre-read.docx')));
    const xml = await doc.file('word/document.xml')!.async('string');
    doc.file('word/document.xml', xml.replace('Value delivered', 'Value we delivered together'));
    editedPreRead = await doc.generateAsync({ type: 'nodebuffer' });
    writeFileSync(join(dir, 'pre-read.docx'), editedPreRead);
    // The champion corrects the analyst hours: 1,800 → 1,200 (× $75), so the quarter's value is $125,500, not $170,500.
    const value = readFileSync(join(tracker, 'Value.csv'), 'utf8');
    writeFileSync(join(tracker, 'Value.csv'), value.replace('"Automated monthly reporting (1,800 analyst hours)",1800,$75', '"Automated monthly reporting (1,200 analyst hours)",1200,$75'));
    second = await generate('2026-11-29');
  });

  it('keeps both edited files byte for byte and writes the new versions beside them', async () => {
    expect(second.code).toBe(0);
    expect(readFileSync(join(dir, 'deck.pptx')).equals(editedDeck)).toBe(true);
    expect(readFileSync(join(dir, 'pre-read.docx')).equals(editedPreRead)).toBe(true);
    const fresh = await JSZip.loadAsync(readFileSync(join(dir, 'deck (2026-11-29).pptx')));
    expect(fresh.file('ppt/customer-notes.txt')).toBeNull();
    expect(Object.keys(fresh.files).some((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toBe(true);
    expect(await docText(join(dir, 'pre-read (2026-11-29).docx'))).toContain('Value delivered');
    expect(second.stderr).toContain('kept 2 files you changed, new versions beside: deck.pptx → deck (2026-11-29).pptx, pre-read.docx → pre-read (2026-11-29).docx');
    expect(second.stderr).toContain('Files you changed since they were written were kept (--force overwrites them)');
  });

  it('replaces the files nobody changed, in place, and records every hash in the manifest', () => {
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['.qbr-manifest.json', 'action-plan.docx', 'analysis.json', 'deck (2026-11-29).pptx', 'deck.pptx', 'invitation.eml', 'pre-read (2026-11-29).docx', 'pre-read.docx', 'prep-brief.docx', 'prep-holds.ics', 'summary.eml']);
    // The numbers moved, so these came out different from the first run: they were rewritten, not skipped.
    for (const f of ['action-plan.docx', 'analysis.json', 'summary.eml', 'prep-brief.docx']) expect(sha(join(dir, f))).not.toBe(before[f]);
    const m = manifest(dir);
    for (const f of files.filter((x) => !['.qbr-manifest.json', 'deck.pptx', 'pre-read.docx'].includes(x))) expect(m.files[f].sha256).toBe(sha(join(dir, f)));
    // The kept files stay recorded as we wrote them, so they still read as "changed by the user" next time.
    expect(m.files['deck.pptx'].sha256).toBe(before['deck.pptx']);
    expect(m.figures).toMatchObject({ qbrDate: '2026-12-10', valueQuarter: 125500 });
    expect(JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')).package.changes[0]).toEqual({ metric: 'ROI', from: '3.1x', to: '2.3x', alert: 'ROI down 26%', size: expect.closeTo(45000 / 170500, 6) });
  });

  it('reports what moved, the ROI call-out first, in the prep brief and on the progress line', async () => {
    // ROI: $170,500 / $55,000 = 3.10x → $125,500 / $55,000 = 2.28x, down 45,000 / 170,500 = 26.4 %.
    const text = await docText(join(dir, 'prep-brief.docx'));
    expect(text).toContain('What moved since the last generation');
    const roi = text.indexOf('⚠ ROI: 3.1x → 2.3x (ROI down 26%)');
    const value = text.indexOf('Value this quarter: $170,500 → $125,500');
    expect(roi).toBeGreaterThan(-1);
    expect(value).toBeGreaterThan(roi);
    expect(second.stderr).toMatch(/figures? moved since the last generation \(1 called out\)/);
    expect(second.stderr).toContain('ACC-001 GlobalTech: ⚠ ROI: 3.1x → 2.3x (ROI down 26%)');
  });

  it('replaces its own beside version on a same-day re-run, and counts past one the user changed', async () => {
    const again = await generate('2026-11-29');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('no key figure moved since the last generation');
    expect(existsSync(join(dir, 'deck (2026-11-29) (2).pptx'))).toBe(false);
    writeFileSync(join(dir, 'deck (2026-11-29).pptx'), 'edited too');
    const third = await generate('2026-11-29');
    expect(readFileSync(join(dir, 'deck (2026-11-29).pptx'), 'utf8')).toBe('edited too');
    expect(third.stderr).toContain('deck.pptx → deck (2026-11-29) (2).pptx');
  });

  it('--force overwrites the edited files and records them as ours again', async () => {
    const forced = await generate('2026-11-29', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).not.toContain('kept');
    expect(readFileSync(join(dir, 'deck.pptx')).equals(editedDeck)).toBe(false);
    expect((await JSZip.loadAsync(readFileSync(join(dir, 'deck.pptx')))).file('ppt/customer-notes.txt')).toBeNull();
    expect(await docText(join(dir, 'pre-read.docx'))).not.toContain('Value we delivered together');
    expect(manifest(dir).files['deck.pptx'].sha256).toBe(sha(join(dir, 'deck.pptx')));
  });

  it('treats a file it has no record of (an older version\'s output, or the user\'s) as the user\'s', async () => {
    const other = join(work, 'other');
    mkdirSync(join(other, 'ACC-001'), { recursive: true });
    writeFileSync(join(other, 'ACC-001', 'deck.pptx'), 'made by hand');
    const r = await qbr(['generate', '--tracker', tracker, '--account', 'ACC-001', '--today', '2026-11-29', '--out', other], new Date('2026-11-29T12:00:00Z'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(other, 'ACC-001', 'deck.pptx'), 'utf8')).toBe('made by hand');
    expect(existsSync(join(other, 'ACC-001', 'deck (2026-11-29).pptx'))).toBe(true);
    // Without a manifest the first run has nothing to compare with: no change report.
    expect(r.stderr).not.toContain('since the last generation');
  });

  it('reads a manifest whose figures are broken or of an older shape as no baseline: no report, no crash', async () => {
    const broken = join(work, 'broken');
    const run1 = (today: string) => qbr(['generate', '--tracker', tracker, '--account', 'ACC-001', '--today', today, '--out', broken], new Date(`${today}T12:00:00Z`));
    expect((await run1('2026-11-22')).code).toBe(0);
    const path = join(broken, 'ACC-001', '.qbr-manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...m, figures: { arr: 'x' } }));
    const again = await run1('2026-11-29');
    expect(again.stderr).not.toMatch(/unexpected failure|TypeError/);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('since the last generation');
    expect(manifest(join(broken, 'ACC-001')).figures).toMatchObject({ arr: 220000 });
  });

  it('refuses --force with --google (Google keeps the previous deck, it never overwrites)', async () => {
    const r = await qbr(['generate', '--google', '--force', '--tracker', tracker, '--account', 'ACC-001', '--out', out], new Date());
    expect(r.code).toBe(2);
  });
});
