/** The fake Google server driven by Google's real per-API clients: routing, validation, auth, scopes, faults and state. */
import { calendar } from '@googleapis/calendar';
import { docs } from '@googleapis/docs';
import { drive } from '@googleapis/drive';
import { gmail } from '@googleapis/gmail';
import { sheets } from '@googleapis/sheets';
import { slides } from '@googleapis/slides';
import { OAuth2Client } from 'google-auth-library';
import { allMethods, matchRoute, scopesOf, validateBody, validateParams } from './discovery';
import { seedFile, seedSpreadsheet } from './seed';
import { type FakeGoogle, startFakeGoogle } from './server';
import { MIME } from './state';

// The clients the product uses (src/transport/googleapis.ts), under the one name the tests below were written with.
const google = { calendar, docs, drive, gmail, sheets, slides, auth: { OAuth2: OAuth2Client } };
const SCOPE = (s: string): string => `https://www.googleapis.com/auth/${s}`;
const raw = (text: string): string => Buffer.from(text).toString('base64url');
const MESSAGE = raw('To: champion@customer.example\r\nSubject: Acme Q3 Business Review\r\n\r\nThanks!\r\n');

/** The HTTP status and Google error reason of a rejected googleapis call. */
async function failure(p: Promise<unknown>): Promise<{ status?: number; reason?: string; message?: string; code?: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status?: number; code?: string; response?: { data?: { error?: { message?: string; errors?: { reason?: string }[] } } } };
    const data = err.response?.data?.error;
    return { status: err.status, reason: data?.errors?.[0]?.reason, message: data?.message, code: err.code };
  }
  throw new Error('expected the call to fail');
}

let fake: FakeGoogle;
let auth: InstanceType<typeof google.auth.OAuth2>;
const api = <T>(make: (o: { auth: typeof auth; rootUrl: string }) => T): T => make({ auth, rootUrl: fake.url });

beforeEach(async () => {
  fake = await startFakeGoogle();
  auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: 'test-token' });
});
afterEach(async () => {
  await fake.close();
});

describe('discovery route table', () => {
  it('routes every method of the six APIs back to itself', () => {
    const methods = allMethods();
    expect(methods.length).toBeGreaterThan(190);
    for (const m of methods) {
      const url = m.path.replace(/\{\+?([^}]+)\}/g, (_all, name: string) => `x-${name}`);
      expect(matchRoute(m.httpMethod, url)?.route.method.id).toBe(m.id);
    }
  });

  it('validates bodies recursively and params against the method', () => {
    expect(validateBody('slides.presentations.batchUpdate', { requests: [{ replaceAllText: { containsText: { text: '{{a}}', matchCase: true }, replaceText: 'A' } }] })).toEqual([]);
    expect(validateBody('slides.presentations.batchUpdate', { requests: [{ replaceAllTexts: {} }] })[0]).toMatch(/Unknown name "replaceAllTexts" at 'requests\[0\]'/);
    expect(validateBody('slides.presentations.batchUpdate', { requests: [{ createSlide: { insertionIndex: '2' } }] })[0]).toMatch(/requests\[0\]\.createSlide\.insertionIndex/);
    expect(validateBody('sheets.spreadsheets.values.batchUpdate', { valueInputOption: 'TYPED', data: [] })[0]).toMatch(/valueInputOption/);
    expect(validateBody('drive.files.update', { appProperties: { qbrTemplate: 'builtin' } })).toEqual([]);
    expect(validateBody('calendar.events.insert', { start: { dateTime: 'tomorrow' } })[0]).toMatch(/start\.dateTime/);
    expect(validateParams('sheets.spreadsheets.values.batchGet', { spreadsheetId: 's', ranges: ['A', 'B'], valueRenderOption: 'RAW' })).toEqual([expect.stringMatching(/valueRenderOption/)]);
    expect(validateParams('drive.files.list', { q: ['a', 'b'], colour: 'red' })).toHaveLength(2);
    expect(scopesOf('gmail.users.drafts.create')).toContain(SCOPE('gmail.compose'));
  });
});

describe('googleapis against the fake', () => {
  it('round-trips a Gmail draft: create, get raw, update keeps the id, list, delete', async () => {
    const gmail = api((o) => google.gmail({ version: 'v1', ...o }));
    const created = await gmail.users.drafts.create({ userId: 'me', requestBody: { message: { raw: MESSAGE } } });
    const id = created.data.id as string;
    expect((await gmail.users.drafts.get({ userId: 'me', id, format: 'raw' })).data.message?.raw).toBe(MESSAGE);
    const full = await gmail.users.drafts.get({ userId: 'me', id });
    expect(full.data.message?.payload?.headers).toContainEqual({ name: 'Subject', value: 'Acme Q3 Business Review' });

    const updated = await gmail.users.drafts.update({ userId: 'me', id, requestBody: { message: { raw: raw('Subject: v2\r\n\r\nx') } } });
    expect(updated.data.id).toBe(id);
    expect(updated.data.message?.id).not.toBe(created.data.message?.id);
    expect((await gmail.users.drafts.list({ userId: 'me' })).data.drafts).toHaveLength(1);
    await gmail.users.drafts.delete({ userId: 'me', id });
    expect(fake.state.drafts.size).toBe(0);
    expect(fake.calls.map((c) => `${c.methodId} ${c.status}`)).toEqual([
      'gmail.users.drafts.create 200', 'gmail.users.drafts.get 200', 'gmail.users.drafts.get 200',
      'gmail.users.drafts.update 200', 'gmail.users.drafts.list 200', 'gmail.users.drafts.delete 204',
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('rejects an unknown body property with 400 and records the violation', async () => {
    const slides = api((o) => google.slides({ version: 'v1', ...o }));
    const bad = { requests: [{ replaceAllTexts: { replaceText: 'x' } }] } as never;
    const f = await failure(slides.presentations.batchUpdate({ presentationId: 'deck1', requestBody: bad }));
    expect(f).toMatchObject({ status: 400, reason: 'invalid' });
    expect(f.message).toMatch(/Unknown name "replaceAllTexts"/);
    expect(fake.violations).toEqual([{ methodId: 'slides.presentations.batchUpdate', errors: [expect.stringMatching(/replaceAllTexts/)] }]);
  });

  it('answers 401 to a wrong token and 403 naming the scope when the token lacks it', async () => {
    const other = new google.auth.OAuth2();
    other.setCredentials({ access_token: 'wrong' });
    expect(await failure(google.drive({ version: 'v3', auth: other, rootUrl: fake.url }).files.list({}))).toMatchObject({ status: 401 });

    fake.grant([SCOPE('gmail.compose'), SCOPE('drive.file')]);
    const calendar = api((o) => google.calendar({ version: 'v3', ...o }));
    const f = await failure(calendar.events.insert({ calendarId: 'primary', requestBody: { summary: 'x' } }));
    expect(f).toMatchObject({ status: 403, reason: 'insufficientPermissions' });
    expect(f.message).toContain(SCOPE('calendar.events'));
    expect(fake.state.events.size).toBe(0);
  });

  it('keeps client-chosen event ids: invalid → 400, reused (even after delete) → 409, a deleted one cannot be updated (403)', async () => {
    const calendar = api((o) => google.calendar({ version: 'v3', ...o }));
    const hold = { id: 'qbracme20260115t14', summary: 'QBR Acme: T-14 data pull', start: { dateTime: '2026-01-01T09:30:00', timeZone: 'America/New_York' }, end: { dateTime: '2026-01-01T10:00:00', timeZone: 'America/New_York' }, extendedProperties: { private: { qbrKey: 'acme|2026-01-15|T-14' } } };
    await calendar.events.insert({ calendarId: 'primary', requestBody: hold });
    expect(await failure(calendar.events.insert({ calendarId: 'primary', requestBody: { ...hold, id: 'QBR_acme' } }))).toMatchObject({ status: 400, reason: 'invalid' });
    expect(await failure(calendar.events.insert({ calendarId: 'primary', requestBody: { ...hold, id: 'qbracme20260115t07', start: { dateTime: '2026-01-01T09:30:00' } } }))).toMatchObject({ status: 400, reason: 'required' });

    await calendar.events.delete({ calendarId: 'primary', eventId: hold.id });
    expect((await calendar.events.get({ calendarId: 'primary', eventId: hold.id })).data.status).toBe('cancelled');
    const dup = await failure(calendar.events.insert({ calendarId: 'primary', requestBody: hold }));
    expect(dup).toMatchObject({ status: 409, reason: 'duplicate', message: 'The requested identifier already exists.' });

    const { id: _id, ...body } = hold;
    // As Google answers (googleapis/google-api-ruby-client#1811): a deleted event is not revived by id.
    expect(await failure(calendar.events.update({ calendarId: 'primary', eventId: hold.id, requestBody: body }))).toMatchObject({ status: 403, reason: 'forbidden' });
    expect(await failure(calendar.events.patch({ calendarId: 'primary', eventId: hold.id, requestBody: { summary: 'x', status: 'confirmed' } }))).toMatchObject({ status: 403 });
    expect((await calendar.events.get({ calendarId: 'primary', eventId: hold.id })).data.status).toBe('cancelled');
    await calendar.events.insert({ calendarId: 'primary', requestBody: { ...hold, id: 'qbracme20260115t13' } });
    expect((await calendar.events.patch({ calendarId: 'primary', eventId: 'qbracme20260115t13', requestBody: { summary: 'moved' } })).data.summary).toBe('moved');
    const found = await calendar.events.list({ calendarId: 'primary', privateExtendedProperty: ['qbrKey=acme|2026-01-15|T-14'] });
    expect(found.data.items?.map((e) => e.id)).toEqual(['qbracme20260115t13']);
    expect(fake.violations).toEqual([]);
  });

  it('injects a 429 before the handler runs (POST is not retried by googleapis), then succeeds', async () => {
    const gmail = api((o) => google.gmail({ version: 'v1', ...o }));
    fake.faults.push({ methodId: 'gmail.users.drafts.create', status: 429, times: 1, retryAfter: 1 });
    const f = await failure(gmail.users.drafts.create({ userId: 'me', requestBody: { message: { raw: MESSAGE } } }));
    expect(f).toMatchObject({ status: 429, reason: 'rateLimitExceeded' });
    expect(fake.state.drafts.size).toBe(0);
    await gmail.users.drafts.create({ userId: 'me', requestBody: { message: { raw: MESSAGE } } });
    expect(fake.state.drafts.size).toBe(1);
  });

  it('lets gaxios retry a 503 on a GET by itself (googleapis turns retry on by default)', async () => {
    seedSpreadsheet(fake.state, 'tracker', { Accounts: [['Account'], ['Acme']] });
    fake.faults.push({ methodId: 'sheets.spreadsheets.values.get', status: 503, times: 1 });
    const sheets = api((o) => google.sheets({ version: 'v4', ...o }));
    expect((await sheets.spreadsheets.values.get({ spreadsheetId: 'tracker', range: 'Accounts' })).data.values).toEqual([['Account'], ['Acme']]);
    expect(fake.calls.map((c) => c.status)).toEqual([503, 200]);
  });

  it('surfaces a dropped connection as an error with no response', async () => {
    const gmail = api((o) => google.gmail({ version: 'v1', ...o }));
    fake.faults.push({ drop: true, times: 1 });
    const f = await failure(gmail.users.drafts.create({ userId: 'me', requestBody: { message: { raw: MESSAGE } } }));
    expect(f.status).toBeUndefined();
    expect(fake.calls[0]?.status).toBe(0);
    expect(fake.state.drafts.size).toBe(0);
  });

  it('refuses to send mail and records the attempt', async () => {
    const gmail = api((o) => google.gmail({ version: 'v1', ...o }));
    expect(await failure(gmail.users.messages.send({ userId: 'me', requestBody: { raw: MESSAGE } }))).toMatchObject({ status: 403 });
    expect(fake.calls.filter((c) => c.methodId.endsWith('.send'))).toHaveLength(1);
  });

  it('reads seeded tabs trimmed like Google, with render options', async () => {
    seedSpreadsheet(fake.state, 'tracker', {
      Accounts: [['Account', 'ARR', 'Active', '', ''], ['Acme', 120000, true, ''], ['', '', ''], []],
      'QBR Log': [['Account', 'Date'], ['Acme', new Date('2026-01-15T00:00:00Z')]],
    });
    const sheets = api((o) => google.sheets({ version: 'v4', ...o }));
    const res = await sheets.spreadsheets.values.batchGet({ spreadsheetId: 'tracker', ranges: ['Accounts', "'QBR Log'!A1:Z", 'Accounts!B:B'], valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(res.data.valueRanges).toEqual([
      { range: 'Accounts!A1:Z1000', majorDimension: 'ROWS', values: [['Account', 'ARR', 'Active'], ['Acme', 120000, true]] },
      { range: "'QBR Log'!A1:Z1000", majorDimension: 'ROWS', values: [['Account', 'Date'], ['Acme', 46037]] },
      { range: 'Accounts!B1:B1000', majorDimension: 'ROWS', values: [['ARR'], [120000]] },
    ]);
    const formatted = await sheets.spreadsheets.values.get({ spreadsheetId: 'tracker', range: "'QBR Log'!B2" });
    expect(formatted.data).toMatchObject({ range: "'QBR Log'!B2", values: [['1/15/2026']] });
    const meta = await sheets.spreadsheets.get({ spreadsheetId: 'tracker' });
    expect(meta.data.sheets?.map((s) => [s.properties?.sheetId, s.properties?.title])).toEqual([[0, 'Accounts'], [1, 'QBR Log']]);
  });

  it('stores USER_ENTERED "=…" as a formula marker, RAW as text, and appends after the table', async () => {
    seedSpreadsheet(fake.state, 'tracker', { Actions: [['Action', 'Owner'], ['Kickoff', 'CSM']] });
    const sheets = api((o) => google.sheets({ version: 'v4', ...o }));
    await sheets.spreadsheets.values.update({ spreadsheetId: 'tracker', range: 'Actions!C1', valueInputOption: 'USER_ENTERED', requestBody: { values: [['=SUM(A1:A2)']] } });
    const res = await sheets.spreadsheets.values.append({ spreadsheetId: 'tracker', range: 'Actions!A:B', valueInputOption: 'RAW', requestBody: { values: [['=cmd|x', '+1 owner']] } });
    expect(res.data.updates?.updatedRange).toBe('Actions!A3:B3');
    const grid = fake.state.spreadsheets.get('tracker')?.sheets[0]?.values;
    expect(grid).toEqual([['Action', 'Owner', { formula: '=SUM(A1:A2)' }], ['Kickoff', 'CSM'], ['=cmd|x', '+1 owner']]);
  });

  it('copies a template deep, finds files by query and shares them', async () => {
    const template = seedFile(fake.state, { name: 'QBR template', mimeType: MIME.presentation, appProperties: { qbrTemplate: 'builtin' }, content: { slides: [{ objectId: 's1' }] } });
    const drive = api((o) => google.drive({ version: 'v3', ...o }));
    const folder = await drive.files.create({ requestBody: { name: 'QBR', mimeType: MIME.folder } });
    const copy = await drive.files.copy({ fileId: template.id, fields: 'id,name', requestBody: { name: 'Acme QBR', parents: [folder.data.id as string] } });
    fake.state.presentations.get(copy.data.id as string).slides.push({ objectId: 's2' });
    expect(fake.state.presentations.get(template.id).slides).toHaveLength(1);
    expect(await failure(drive.files.copy({ fileId: 'nope', requestBody: {} }))).toMatchObject({ status: 404, reason: 'notFound', message: 'File not found: nope.' });

    const q = `'${folder.data.id}' in parents and name = 'Acme QBR' and trashed = false`;
    expect((await drive.files.list({ q })).data.files?.map((f) => f.id)).toEqual([copy.data.id]);
    const tagged = await drive.files.list({ q: "appProperties has { key='qbrTemplate' and value='builtin' }" });
    expect(tagged.data.files?.map((f) => f.name)).toEqual(['QBR template', 'Acme QBR']);
    await drive.permissions.create({ fileId: copy.data.id as string, sendNotificationEmail: false, requestBody: { type: 'user', role: 'commenter', emailAddress: 'champion@customer.example' } });
    expect(fake.state.files.get(copy.data.id as string)?.permissions).toMatchObject([{ role: 'commenter', emailAddress: 'champion@customer.example' }]);

    const slides = api((o) => google.slides({ version: 'v1', ...o }));
    expect((await slides.presentations.get({ presentationId: copy.data.id as string })).data.title).toBe('Acme QBR');

    fake.grant([SCOPE('drive.file')]);
    expect(await failure(drive.files.get({ fileId: template.id }))).toMatchObject({ status: 404 });
    expect((await drive.files.get({ fileId: copy.data.id as string })).data.name).toBe('Acme QBR');
    expect(fake.violations).toEqual([]);
  });

  it('accepts a draft uploaded as message/rfc822 media (the multipart upload path)', async () => {
    const gmail = api((o) => google.gmail({ version: 'v1', ...o }));
    const text = 'Subject: Upload\r\n\r\nbody\r\n';
    // googleapis builds the upload URL from the per-call rootUrl only: the client-level one is ignored for media.
    const res = await gmail.users.drafts.create({ userId: 'me', requestBody: {}, media: { mimeType: 'message/rfc822', body: text } }, { rootUrl: fake.url });
    expect(fake.calls[0]?.path).toBe('/upload/gmail/v1/users/me/drafts');
    expect(Buffer.from(fake.state.drafts.get(res.data.id as string)?.message.raw ?? '', 'base64url').toString()).toBe(text);
  });

  it('adds sheets and charts atomically and answers with their ids', async () => {
    seedSpreadsheet(fake.state, 'tracker', { Accounts: [['Account']] });
    const sheets = api((o) => google.sheets({ version: 'v4', ...o }));
    const res = await sheets.spreadsheets.batchUpdate({ spreadsheetId: 'tracker', requestBody: { requests: [
      { addSheet: { properties: { title: 'QBR Charts' } } },
      { addChart: { chart: { spec: { title: 'Adoption' }, position: { newSheet: true } } } },
      { repeatCell: { range: { sheetId: 0 }, cell: { userEnteredFormat: { textFormat: { bold: true } } }, fields: 'userEnteredFormat.textFormat.bold' } },
    ] } });
    const chartId = res.data.replies?.[1]?.addChart?.chart?.chartId as number;
    expect(res.data.replies?.[0]?.addSheet?.properties).toMatchObject({ title: 'QBR Charts', index: 1 });
    expect(chartId).toEqual(expect.any(Number));

    const bad = sheets.spreadsheets.batchUpdate({ spreadsheetId: 'tracker', requestBody: { requests: [
      { deleteEmbeddedObject: { objectId: chartId } }, { addSheet: { properties: { title: 'Accounts' } } },
    ] } });
    expect(await failure(bad)).toMatchObject({ status: 400, message: expect.stringContaining('already exists') });
    expect(fake.state.spreadsheets.get('tracker')?.sheets.flatMap((s) => s.charts.map((c) => c.chartId))).toEqual([chartId]);
    await sheets.spreadsheets.batchUpdate({ spreadsheetId: 'tracker', requestBody: { requests: [{ deleteEmbeddedObject: { objectId: chartId } }] } });
    expect(fake.state.spreadsheets.get('tracker')?.sheets.flatMap((s) => s.charts)).toEqual([]);
  });

  it('answers unknown routes and unparsable JSON the way Google does', async () => {
    const headers = { authorization: 'Bearer test-token', 'content-type': 'application/json' };
    const missing = await fetch(`${fake.url}v9/nothing`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    const garbled = await fetch(`${fake.url}gmail/v1/users/me/drafts`, { method: 'POST', headers, body: '{"message":' });
    expect(garbled.status).toBe(400);
    expect(fake.violations.map((v) => v.methodId)).toEqual(['gmail.users.drafts.create']);
  });

  it('answers 501 for a method it has no handler for', async () => {
    // A POST, because gaxios retries a 5xx on GET three times before giving up (about 2 s).
    const calendar = api((o) => google.calendar({ version: 'v3', ...o }));
    expect(await failure(calendar.events.quickAdd({ calendarId: 'primary', text: 'QBR' }))).toMatchObject({ status: 501, reason: 'notImplemented' });
  });
});

describe('real Google behaviours the fake models', () => {
  it('hides shared-drive files from requests that do not say they support shared drives', async () => {
    const drive = api((o) => google.drive({ version: 'v3', ...o }));
    seedFile(fake.state, { id: 'teamFolder01', name: 'QBRs', mimeType: MIME.folder, driveId: 'drive01', appCreated: true });
    expect(await failure(drive.files.get({ fileId: 'teamFolder01' }))).toMatchObject({ status: 404, reason: 'notFound' });
    expect(await failure(drive.files.create({ requestBody: { name: 'x', mimeType: MIME.document, parents: ['teamFolder01'] } }))).toMatchObject({ status: 404 });
    const made = await drive.files.create({ supportsAllDrives: true, requestBody: { name: 'doc', mimeType: MIME.document, parents: ['teamFolder01'], appProperties: { tag: 't1' } } });
    expect(made.data.driveId).toBe('drive01');
    const q = "appProperties has { key='tag' and value='t1' } and trashed = false";
    expect((await drive.files.list({ q })).data.files).toEqual([]);
    expect((await drive.files.list({ q, corpora: 'allDrives', includeItemsFromAllDrives: true, supportsAllDrives: true })).data.files?.map((f) => f.id)).toEqual([made.data.id]);
    expect((await drive.files.list({ q, corpora: 'drive', driveId: 'drive01', includeItemsFromAllDrives: true, supportsAllDrives: true })).data.files).toHaveLength(1);
    expect((await drive.files.list({ q, corpora: 'drive', driveId: 'other', includeItemsFromAllDrives: true, supportsAllDrives: true })).data.files).toEqual([]);
    expect(await failure(drive.files.list({ q, corpora: 'allDrives' }))).toMatchObject({ status: 403 });
    expect(await failure(drive.files.list({ q, corpora: 'drive', includeItemsFromAllDrives: true, supportsAllDrives: true }))).toMatchObject({ status: 400, reason: 'teamDriveIdRequiresTeamDriveCorpora' });
  });

  it('refuses a Slides or Docs batch built on a stale revision, and applies one that dropped its answer', async () => {
    const docs = api((o) => google.docs({ version: 'v1', ...o }));
    const drive = api((o) => google.drive({ version: 'v3', ...o }));
    const { data: file } = await drive.files.create({ requestBody: { name: 'd', mimeType: MIME.document } });
    const { data: doc } = await docs.documents.get({ documentId: file.id! });
    const write = { requests: [{ insertText: { location: { index: 1 }, text: 'Hello\n' } }], writeControl: { requiredRevisionId: doc.revisionId! } };
    fake.faults.push({ methodId: 'docs.documents.batchUpdate', dropAfter: true, times: 1 });
    expect(await failure(docs.documents.batchUpdate({ documentId: file.id!, requestBody: write }))).toMatchObject({ status: undefined });
    // Applied although the client never heard: the same batch again meets a newer revision.
    expect(await failure(docs.documents.batchUpdate({ documentId: file.id!, requestBody: write }))).toMatchObject({ status: 400 });
    const after = (await docs.documents.get({ documentId: file.id! })).data;
    expect(after.revisionId).not.toBe(doc.revisionId);
    expect(JSON.stringify(after.body).split('Hello').length - 1).toBe(1);
  });

  it('answers 429 past the per-minute write quota until the minute turns on its clock', async () => {
    await fake.close();
    let now = 0;
    fake = await startFakeGoogle({ clock: () => now, quota: { writesPerMinute: 3, othersPerMinute: 1 } });
    const sheets = api((o) => google.sheets({ version: 'v4', ...o }));
    seedSpreadsheet(fake.state, 's1', { Tab: [['a']] });
    const write = () => sheets.spreadsheets.values.update({ spreadsheetId: 's1', range: 'Tab!A1', valueInputOption: 'RAW', requestBody: { values: [['b']] } }).then(() => 200, (e: { status?: number }) => e.status);
    expect([await write(), await write(), await write()]).toEqual([200, 200, 429]);
    // Reads are not writes.
    expect((await sheets.spreadsheets.values.get({ spreadsheetId: 's1', range: 'Tab!A1' })).status).toBe(200);
    now = 59_999;
    expect(await write()).toBe(429);
    now = 60_000;
    expect(await write()).toBe(200);
  });
});
