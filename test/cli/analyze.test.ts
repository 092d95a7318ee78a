import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../src/cli/main';
import { qbr } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'qbr-cli-'));
const tracker = join(dir, 'tracker');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(tracker);
  writeFileSync(join(tracker, 'Accounts.csv'), [
    'Account ID,Account,ARR,Licensed Seats,Last QBR Date,Renewal Date',
    'A1,Acme,"$220K",400,2026-08-15,2027-05-22',
    'A2,Beta,oops,10,2026-08-15,2027-05-22',
    'T1,Tiny,"$2,400",5,2026-01-10,2027-01-10',
  ].join('\n'));
  writeFileSync(join(tracker, 'Metrics.csv'), [
    'Account ID,Quarter,Active Users,Features Used,Features Available,Escalations,CSAT,Engagement Score,Relationship Score',
    'A1,2026-Q3,266,10,20,1,4.5,80,70',
    'A1,Q4 2026,340,12,20,0,4.8,85,90',
  ].join('\n'));
});

describe('qbr analyze', () => {
  it('prints the SPEC §6 JSON and exits 1 when an account is skipped', async () => {
    const { code, stdout } = await qbr('analyze', '--tracker', tracker, '--today', '2026-11-22', '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.today).toBe('2026-11-22');
    expect(json.accounts.map((a: { id: string }) => a.id)).toEqual(['A1', 'T1']);
    expect(json.skipped).toEqual([{ id: 'A2', reason: expect.stringContaining('ARR "oops"') }]);
    const a1 = json.accounts[0];
    expect(Object.keys(a1)).toEqual(expect.arrayContaining(['id', 'name', 'segment', 'reviewType', 'deck', 'cadenceMonths', 'quarter', 'nextQbrDue', 'overdue', 'health', 'value', 'outcomes', 'risks', 'opportunities', 'actions', 'renewal', 'findings']));
    expect(a1).toMatchObject({ segment: 'Enterprise', reviewType: 'Quarterly Business Review', deck: 'enterprise', quarter: '2026-Q4', nextQbrDue: '2026-11-15', overdue: true });
    expect(a1.health).toMatchObject({ score: 85, band: 'Green', trend: 14 });
    expect(json.accounts[1]).toMatchObject({ segment: 'Tech-Touch', deck: null, cadenceMonths: 12, nextQbrDue: '2027-01-10', overdue: false });
    expect(json.accounts[1].health.score).toBeNull();
  });

  it('exits 0 when every requested account is analysed', async () => {
    const { code, stdout } = await qbr('analyze', '--tracker', tracker, '--account', 'a1', '--today', '2026-11-22', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).accounts).toHaveLength(1);
  });

  it('prints a manager\'s table without --json, with findings by tab and row', async () => {
    const { stdout } = await qbr('analyze', '--tracker', tracker, '--today', '2026-11-22');
    expect(stdout).toMatch(/A1\s+Acme\s+Enterprise\s+Green 85\s+—\s+2026-11-15\s+OVERDUE/);
    expect(stdout).toMatch(/\n {2}Value\n {4}warning \(tab\): no Value lines for 2026-Q4/);
    expect(stdout).toMatch(/\n {2}Accounts\n {4}ERROR {3}row 3, ARR \[oops\]: ARR is not an amount of money/);
    expect(stdout).toContain('A2: Accounts row 3, ARR "oops"');
  });

  it('uses the machine\'s date without --today', async () => {
    const { stdout } = await qbr('analyze', '--tracker', tracker, '--json');
    expect(JSON.parse(stdout).today).toBe('2026-11-22');
  });

  it.each([
    [['analyze', '--tracker', tracker, '--bogus']],
    [['analyze']],
    [['analyze', '--tracker', tracker, '--today', '2026-13-01']],
    [['analyze', '--tracker', join(dir, 'nope.xlsx')]],
    [['frobnicate']],
  ])('exits 2 for a wrong command %j', async (argv) => {
    const { code, stdout, stderr } = await qbr(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.length).toBeGreaterThan(10);
  });

  it('works as `npm run qbr` from the repo root', async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec('npm', ['run', '-s', 'qbr', '--', 'analyze', '--tracker', tracker, '--account', 'A1', '--today', '2026-11-22', '--json'], { cwd: join(__dirname, '../..') });
    expect(JSON.parse(stdout).accounts[0].health.score).toBe(85);
  });
});

it('treats an empty --account as a wrong command', async () => {
  let stderr = '';
  const code = await run(['analyze', '--tracker', tracker, '--account', ' '], { stdout: () => undefined, stderr: (t) => (stderr += t) });
  expect(code).toBe(2);
  expect(stderr).toContain('--account needs an Account ID');
});
