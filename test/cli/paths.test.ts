// Account folders: ids that differ get folders that differ (even on case-insensitive disks), each one portable segment.
import fc from 'fast-check';
import { accountFolders, safeDirName } from '../../src/cli/paths';

// eslint-disable-next-line no-control-regex
const UNPORTABLE = /[\\/:*?"<>|\u0000-\u001f]|^\.|[. ]$/;
const portable = (name: string) =>
  name !== '' && Buffer.byteLength(name) <= 100 && !UNPORTABLE.test(name) && !/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name);

describe('accountFolders', () => {
  it('keeps safe ids as they are and gives the others a hashed name of their own', () => {
    const folders = accountFolders(['ACC-001', 'a/b', 'a:b', 'a_b', '.', '..', 'CON', 'nul.txt', 'trail.', 'É'.repeat(200)]);
    expect(folders.get('ACC-001')).toBe('ACC-001');
    expect(folders.get('a_b')).toBe('a_b');
    expect(folders.get('a/b')).toMatch(/^a_b-[0-9a-f]{8}$/);
    expect(folders.get('a:b')).toMatch(/^a_b-[0-9a-f]{8}$/);
    expect(folders.get('CON')).toMatch(/^_CON-[0-9a-f]{8}$/);
    expect(folders.get('..')).toMatch(/^_-[0-9a-f]{8}$/);
    expect(new Set([...folders.values()].map((f) => f.toLowerCase())).size).toBe(folders.size);
    for (const f of folders.values()) expect(portable(f)).toBe(true);
  });

  it('the old safeDirName contract still holds: nothing leaves the output folder', () => {
    expect(safeDirName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeDirName('a:b*c?"d"<e>|f\\g\u0001')).toBe('a_b_c__d__e__f_g_');
  });

  it('any set of distinct ids → distinct, portable folders (case-insensitively distinct)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('a/b', 'a:b', 'A/B', 'a_b', '.', '..', 'con', 'CON', 'x.', 'x ')), { maxLength: 20 }), (ids) => {
        const folders = accountFolders(ids);
        expect(folders.size).toBe(ids.length);
        const names = [...folders.values()];
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) expect(portable(n)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
