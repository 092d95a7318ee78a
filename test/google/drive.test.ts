// Drive builders: template copy, trash, and the app-property lookup, with hand-written calls and discovery checks.
import { copyTemplateCall, findByAppPropertyCall, trashCall } from '../../src/google/drive';
import { allDiscoveryProblems } from './discovery-check';

describe('copyTemplateCall', () => {
  it('copies into the folder, across shared drives, binding the copy id', () => {
    expect(copyTemplateCall('tmpl-1', { name: 'GlobalTech 2026-Q4 QBR', folderId: 'folder-9', bindAs: 'deckId' })).toEqual({
      id: 'drive.files.copy',
      params: { fileId: 'tmpl-1', supportsAllDrives: true },
      body: { name: 'GlobalTech 2026-Q4 QBR', parents: ['folder-9'] },
      bind: { deckId: 'id' },
      note: 'Copy the deck template as "GlobalTech 2026-Q4 QBR"',
    });
  });

  it('leaves parents out without a folder (My Drive) and tags the copy when asked', () => {
    const call = copyTemplateCall('tmpl-1', { name: 'Deck', folderId: null, bindAs: 'deckId', appProperties: { qbrKey: 'ACC-001|2026-12-10|deck' } });
    expect(call.body).toEqual({ name: 'Deck', appProperties: { qbrKey: 'ACC-001|2026-12-10|deck' } });
  });
});

describe('trashCall', () => {
  it('trashes (not deletes) the file', () => {
    expect(trashCall('doc-1')).toEqual({
      id: 'drive.files.update',
      params: { fileId: 'doc-1', supportsAllDrives: true },
      body: { trashed: true },
      note: 'Trash the file this run replaces',
    });
  });
});

describe('findByAppPropertyCall', () => {
  it('queries the app property among untrashed files, in My Drive and every shared drive', () => {
    expect(findByAppPropertyCall('qbrKey', 'ACC-001|2026-12-10|pre-read', 'found')).toEqual({
      id: 'drive.files.list',
      params: {
        q: "appProperties has { key='qbrKey' and value='ACC-001|2026-12-10|pre-read' } and trashed = false",
        fields: 'files(id,name)',
        spaces: 'drive',
        // without these three Drive leaves shared-drive files out of the answer
        corpora: 'allDrives',
        includeItemsFromAllDrives: true,
        supportsAllDrives: true,
      },
      bind: { found: 'files' },
      note: 'Find the file tagged qbrKey=ACC-001|2026-12-10|pre-read',
    });
  });

  it("escapes ' and \\ so a value cannot end the string literal", () => {
    const { q } = findByAppPropertyCall('k', "O'Brien \\ Co", 'f').params;
    expect(q).toBe("appProperties has { key='k' and value='O\\'Brien \\\\ Co' } and trashed = false");
  });
});

it('every Drive call is one the discovery document accepts', () => {
  expect(allDiscoveryProblems([
    copyTemplateCall('t', { name: 'n', folderId: 'f', bindAs: 'b', appProperties: { a: 'b' } }),
    copyTemplateCall('t', { name: 'n', folderId: null, bindAs: 'b' }),
    trashCall('x'),
    findByAppPropertyCall('k', 'v', 'f'),
  ])).toEqual([]);
});
