/** The add-on test harness itself, driven by a small hand-written Apps Script file: stand-ins, clock, triggers, limits, checks. */
import * as fs from 'fs';
import { gzipSync } from 'zlib';
import { seedFile, seedSpreadsheet } from '../fake-google/seed';
import { MIME } from '../fake-google/state';
import { DEFAULT_START } from './harness/clock';
import { DROPPED_MESSAGE } from './harness/advanced';
import { DEFAULT_BUNDLE, type AddonSandbox, type LoadOptions, type Manifest, bundleProblems, loadBundle } from './harness/load';
import { formatDate } from './harness/utilities';

/* eslint-disable @typescript-eslint/no-explicit-any -- values come back from the sandbox untyped */

const EVENT = {
  id: 'qbrhold0001acme',
  summary: 'QBR: Acme',
  start: { dateTime: '2025-02-03T15:00:00Z' },
  end: { dateTime: '2025-02-03T16:00:00Z' },
};

/** What an add-on bundle looks like to Apps Script: top-level functions over the services. */
const SCRIPT = `
var executionCounter = 0;
function onHomepage(e) {
  return CardService.newCardBuilder()
    .setHeader(CardService.newCardHeader().setTitle('QBR'))
    .addSection(CardService.newCardSection()
      .addWidget(CardService.newTextParagraph().setText('Hello ' + e.commonEventObject.hostApp))
      .addWidget(CardService.newTextButton().setText('Generate').setTextButtonStyle(CardService.TextButtonStyle.FILLED)
        .setOnClickAction(CardService.newAction().setFunctionName('onGenerate').setLoadIndicator(CardService.LoadIndicator.SPINNER)
          .setParameters({ account: 'acme' }))))
    .build();
}
function onGenerate(e) {
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText('Started ' + e.parameters.account)).build();
}
function typo() { return CardService.newTextParagraph().setTitel('x'); }
function enumTypo() { return CardService.newAction().setLoadIndicator(CardService.LoadIndicator.SPINER); }
function createDeck() { return Slides.Presentations.create({ title: 'x' }); }
function deckShape(id) { var p = Slides.Presentations.get(id); return [p.slides instanceof Array, p instanceof Object]; }
function badBatch(id) { return Slides.Presentations.batchUpdate({ requests: [{ bogusRequest: {} }] }, id); }
function hold(event) {
  try { return { ok: Calendar.Events.insert(event, 'primary').id }; }
  catch (e) {
    return { name: e.name, message: e.message, text: String(e), isError: e instanceof Error,
      code: e.details.code, reason: e.details.errors[0].reason };
  }
}
function holdBackwards(event) { return Calendar.Events.insert('primary', event); }
function names() { return [typeof Calendar.Events.remove, typeof Calendar.Events['delete'], typeof Docs]; }
function rename(id) { return Drive.Files.update({ name: 'Renamed' }, id, null, { supportsAllDrives: true }).name; }
function renameWithoutMediaSlot(id) { return Drive.Files.update({ name: 'Renamed' }, id, { supportsAllDrives: true }); }
function readTracker(id) { return Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Accounts!A1:B2', 'Accounts!A2'] }).valueRanges; }
function draft() {
  var raw = Utilities.base64EncodeWebSafe('To: a@example.com\\r\\nSubject: QBR\\r\\n\\r\\nHi');
  return Gmail.Users.Drafts.create({ message: { raw: raw } }, 'me').id;
}
function remember(key, value) {
  PropertiesService.getUserProperties().setProperty(key, value);
  return PropertiesService.getUserProperties().getProperty(key);
}
function schedule() {
  executionCounter++;
  PropertiesService.getScriptProperties().setProperty('cursor', '3');
  return ScriptApp.newTrigger('resume').timeBased().after(60000).create().getUniqueId();
}
function resume(e) {
  executionCounter++;
  return { counter: executionCounter, cursor: PropertiesService.getScriptProperties().getProperty('cursor'), uid: e.triggerUid, now: Date.now() };
}
function manyTriggers(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('resume').timeBased().after(1000).create(); }
function nap() { var a = new Date(); Utilities.sleep(1000); var b = new Date(); return [a.getTime(), b.getTime(), Date.now(), typeof Date()]; }
function today() { return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm'); }
function locked() {
  var lock = LockService.getScriptLock();
  var got = lock.tryLock(5000);
  return [got, lock.hasLock()];
}
function waitForLock() { LockService.getScriptLock().waitLock(2000); }
function busyLoop() {
  for (var i = 0; i < 100; i++) { try { Slides.Presentations.create({ title: 'n' + i }); } catch (e) { /* swallowed */ } }
}
function nodeGlobals() {
  return [typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof TextEncoder, typeof URL, typeof fetch];
}
function unzipped(b64) { return Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(b64), 'application/x-gzip')).getDataAsString(); }
function roundTrip(text) { return Utilities.ungzip(Utilities.gzip(Utilities.newBlob(text))).getDataAsString(); }
function logSomething() { Logger.log('%s accounts in %s', 3, 'EMEA'); console.log('done', { n: 1 }); }
`;

const MANIFEST: Manifest = {
  timeZone: 'America/New_York',
  runtimeVersion: 'V8',
  dependencies: {
    enabledAdvancedServices: [
      { userSymbol: 'Slides', serviceId: 'slides', version: 'v1' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      { userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' },
      { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' },
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
    ],
  },
  addOns: {
    common: { name: 'QBR', homepageTrigger: { runFunction: 'onHomepage' }, universalActions: [{ label: 'Help', runFunction: 'onHelp' }] },
  },
};

function load(options: LoadOptions = {}): AddonSandbox {
  return loadBundle({ code: SCRIPT, manifest: MANIFEST, callCostMs: 800, ...options });
}

describe('loadBundle: the sandbox', () => {
  it('lists the top-level functions, and the manifest functions the bundle lacks', () => {
    const sb = load();
    expect(sb.globals).toEqual(expect.arrayContaining(['onHomepage', 'onGenerate', 'createDeck', 'resume']));
    expect(sb.globals).not.toContain('executionCounter');
    expect(sb.manifestFunctions).toEqual(['onHelp', 'onHomepage']);
    expect(sb.missingFunctions).toEqual(['onHelp']);
    expect(sb.problems).toEqual([]);
  });

  it('has no Node or web globals inside', () => {
    expect(load().call('nodeGlobals')).toEqual(Array(7).fill('undefined'));
  });

  it('exposes only the advanced services the manifest enables, with delete as remove', () => {
    expect(load().call('names')).toEqual(['function', 'undefined', 'undefined']);
    expect((loadBundle({ code: SCRIPT }).call('names') as string[])[2]).toBe('object'); // no manifest: all six
  });

  it('reports a manifest service version the discovery documents do not describe', () => {
    const manifest = { ...MANIFEST, dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v2' }] } };
    expect(loadBundle({ code: SCRIPT, manifest }).problems).toEqual(['enabledAdvancedServices: drive v2, but the discovery document is v3']);
  });
});

describe('CardService recorder', () => {
  it('records the homepage card as data, nested widgets as specs', () => {
    const sb = load();
    const card = sb.call('onHomepage', { commonEventObject: { hostApp: 'SHEETS' } });
    expect(card).toEqual({
      kind: 'Card',
      calls: [
        ['setHeader', { kind: 'CardHeader', calls: [['setTitle', 'QBR']] }],
        ['addSection', { kind: 'CardSection', calls: [
          ['addWidget', { kind: 'TextParagraph', calls: [['setText', 'Hello SHEETS']] }],
          ['addWidget', { kind: 'TextButton', calls: [
            ['setText', 'Generate'],
            ['setTextButtonStyle', 'FILLED'],
            ['setOnClickAction', { kind: 'Action', calls: [['setFunctionName', 'onGenerate'], ['setLoadIndicator', 'SPINNER'], ['setParameters', { account: 'acme' }]] }],
          ] }],
        ] }],
      ],
    });
    expect(sb.services.cards).toEqual([card]);
    expect(sb.unknownActionFunctions()).toEqual([]);
    expect(sb.call('onGenerate', { parameters: { account: 'acme' } })).toEqual({
      kind: 'ActionResponse', calls: [['setNotification', { kind: 'Notification', calls: [['setText', 'Started acme']] }]],
    });
  });

  it('fails like Apps Script on a misspelt method or enum member', () => {
    const sb = load();
    expect(() => sb.call('typo')).toThrow(/setTitel is not a function/);
    expect(() => sb.call('enumTypo')).toThrow(/Invalid argument: Action.setLoadIndicator/);
  });
});

describe('advanced services', () => {
  it('creates a deck on the fake, records the call and charges the clock', () => {
    const sb = load();
    const deck = sb.call('createDeck') as any;
    expect(sb.state.presentations.has(deck.presentationId)).toBe(true);
    expect(sb.services.calls).toEqual([
      { service: 'Slides.Presentations.create', methodId: 'slides.presentations.create', params: {}, body: { title: 'x' }, status: 200, at: DEFAULT_START },
    ]);
    expect(sb.clock.now()).toBe(DEFAULT_START + 800);
    expect(sb.call('deckShape', deck.presentationId)).toEqual([true, true]); // responses live in the sandbox realm
    expect(sb.services.violations).toEqual([]);
  });

  it('throws GoogleJsonResponseException with details on an API error (409 on a second insert of one event id)', () => {
    const sb = load();
    expect(sb.call('hold', EVENT)).toEqual({ ok: EVENT.id });
    const message = 'API call to calendar.events.insert failed with error: The requested identifier already exists.';
    expect(sb.call('hold', EVENT)).toEqual({ name: 'GoogleJsonResponseException', message, text: `GoogleJsonResponseException: ${message}`, isError: true, code: 409, reason: 'duplicate' });
    expect(sb.services.calls.map((c) => c.status)).toEqual([200, 409]);
    expect(sb.services.violations).toEqual([]);
  });

  it('throws on a body the discovery document rejects, and records the violation', () => {
    const sb = load();
    const deck = sb.call('createDeck') as any;
    expect(() => sb.call('badBatch', deck.presentationId)).toThrow(/API call to slides.presentations.batchUpdate failed with error: Invalid JSON payload received. Unknown name "bogusRequest"/);
    expect(sb.services.violations).toEqual([{ methodId: 'slides.presentations.batchUpdate', errors: [expect.stringContaining('Unknown name "bogusRequest" at \'requests[0]\'')] }]);
  });

  it('catches arguments in the wrong order: the resource comes first, the media slot before optionalArgs', () => {
    const sb = load();
    expect(() => sb.call('holdBackwards', EVENT)).toThrow(/Invalid argument: resource/);
    const file = seedFile(sb.state, { name: 'Deck', mimeType: MIME.presentation, appCreated: true });
    expect(sb.call('rename', file.id)).toBe('Renamed');
    expect(sb.services.calls[1]?.params).toEqual({ fileId: file.id, supportsAllDrives: 'true' });
    expect(() => sb.call('renameWithoutMediaSlot', file.id)).toThrow(/Invalid argument: mediaData/);
    expect(sb.services.violations.map((v) => v.methodId)).toEqual(['calendar.events.insert', 'drive.files.update']);
  });

  it('turns optionalArgs arrays into repeated params (Sheets values.batchGet)', () => {
    const sb = load();
    seedSpreadsheet(sb.state, 'tracker1', { Accounts: [['Account', 'ARR'], ['Acme', 120000]] });
    const ranges = sb.call('readTracker', 'tracker1') as any[];
    expect(ranges.map((r) => r.values)).toEqual([[['Account', 'ARR'], ['Acme', '120000']], [['Acme']]]); // FORMATTED_VALUE, as the API defaults
    expect(sb.services.calls[0]?.params).toEqual({ spreadsheetId: 'tracker1', ranges: ['Accounts!A1:B2', 'Accounts!A2'] });
  });

  it('creates a Gmail draft from a web-safe base64 message', () => {
    const sb = load();
    const id = sb.call('draft') as string;
    const webSafePadded = Buffer.from('To: a@example.com\r\nSubject: QBR\r\n\r\nHi').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    expect(webSafePadded.endsWith('==')).toBe(true); // Utilities.base64EncodeWebSafe keeps the padding
    expect(sb.state.drafts.get(id)?.message.raw).toBe(webSafePadded);
  });

  it('injects faults before the handler runs, then recovers', () => {
    const sb = load();
    sb.services.faults.push({ methodId: 'slides.presentations.create', status: 429, times: 1 });
    expect(() => sb.call('createDeck')).toThrow(/failed with error: Rate Limit Exceeded/);
    expect(sb.state.presentations.size).toBe(0);
    expect((sb.call('createDeck') as any).presentationId).toBeDefined();
    sb.services.faults.push({ drop: true, times: 1 });
    expect(() => sb.call('createDeck')).toThrow(DROPPED_MESSAGE);
    expect(sb.services.calls.map((c) => c.status)).toEqual([429, 200, 0]);
  });

  it("answers 403 for a method the manifest's oauthScopes do not allow", () => {
    const sb = load({ manifest: { ...MANIFEST, oauthScopes: ['https://www.googleapis.com/auth/presentations'] } });
    expect(sb.call('hold', EVENT)).toMatchObject({ code: 403, reason: 'insufficientPermissions' });
    expect(sb.services.violations[0]?.methodId).toBe('calendar.events.insert');
  });
});

describe('built-in services', () => {
  it('keeps user properties as strings, within the 9 KB and 500 KB limits', () => {
    const sb = load();
    expect(sb.call('remember', 'lastAccount', 'acme')).toBe('acme');
    expect(sb.call('remember', 'count', 3)).toBe('3');
    expect(sb.services.properties.user.get('lastAccount')).toBe('acme');
    expect(() => sb.call('remember', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => sb.call('remember', 'obj', { a: 1 })).toThrow(/Invalid argument: value/);
    for (let i = 0; i < 56; i++) sb.call('remember', `k${i}`, 'y'.repeat(9000)); // 56 × 9 003 bytes ≈ 492 KB
    expect(() => sb.call('remember', 'k56', 'y'.repeat(9000))).toThrow(/exceeded the property storage quota/);
    expect(sb.services.properties.user.has('k56')).toBe(false);
  });

  it('moves new Date() and Date.now() with Utilities.sleep', () => {
    const sb = load();
    expect(sb.call('nap')).toEqual([DEFAULT_START, DEFAULT_START + 1000, DEFAULT_START + 1000, 'string']);
  });

  it('gzips and ungzips Blobs, and refuses bytes that are not gzip as Apps Script does', () => {
    const sb = load();
    // Made by Node's zlib, as scripts/build.mjs makes the add-on's holiday table.
    expect(sb.call('unzipped', gzipSync('Thanksgiving Day · Güemes').toString('base64'))).toBe('Thanksgiving Day · Güemes');
    expect(sb.call('roundTrip', 'New Year’s Day')).toBe('New Year’s Day');
    expect(() => sb.call('unzipped', Buffer.from('plain text').toString('base64'))).toThrow('Could not decompress gzip.');
  });

  it('formats dates in the script time zone (yyyy-MM-dd HH:mm)', () => {
    expect(load().call('today')).toBe('2025-01-06 04:00'); // 09:00 UTC in New York
    expect(formatDate(Date.UTC(2025, 6, 1, 12, 5, 9), 'Europe/Paris', "EEE d MMM yyyy 'at' HH:mm:ss XXX")).toBe('Tue 1 Jul 2025 at 14:05:09 +02:00');
    expect(() => formatDate(0, 'UTC', 'Q')).toThrow(/not supported/);
  });

  it('simulates a lock held by another execution, and releases locks when an execution ends', () => {
    const sb = load();
    sb.services.locks.heldElsewhere.script = true;
    expect(sb.call('locked')).toEqual([false, false]);
    expect(sb.clock.now()).toBe(DEFAULT_START + 5000);
    expect(() => sb.call('waitForLock')).toThrow('Lock timeout');
    sb.services.locks.heldElsewhere.script = false;
    expect(sb.call('locked')).toEqual([true, true]);
    expect(sb.services.locks.held.size).toBe(0);
  });

  it('records Logger and console lines', () => {
    const sb = load();
    sb.call('logSomething');
    expect(sb.services.logs.map((l) => l.message)).toEqual(['3 accounts in EMEA', 'done {"n":1}']);
  });
});

describe('triggers and executions', () => {
  it('fires an after() trigger in a fresh execution at its due time; properties carry over, globals do not', () => {
    const sb = load({ callCostMs: 0 });
    const uid = sb.call('schedule');
    expect(sb.services.triggers).toEqual([expect.objectContaining({ id: uid, handler: 'resume', dueAt: DEFAULT_START + 60000, fired: 0 })]);
    const fired = sb.fireNextTrigger();
    expect(fired?.result).toEqual({ counter: 1, cursor: '3', uid, now: DEFAULT_START + 60000 });
    expect(sb.fireNextTrigger()).toBeNull();
    expect(sb.services.executions.map((e) => e.fn)).toEqual(['schedule', 'resume']);
  });

  it('refuses a 21st trigger', () => {
    const sb = load();
    sb.call('manyTriggers', 20);
    expect(() => sb.call('manyTriggers', 1)).toThrow(/too many triggers/);
  });

  it('ends an execution that runs past its limit, even when the script swallows the error', () => {
    const sb = load({ executionLimitMs: 5000 });
    expect(() => sb.call('busyLoop')).toThrow(/busyLoop: Exceeded maximum execution time/);
    expect(sb.services.calls.length).toBe(7); // 7 × 800 ms passes 5 s; the 8th call is refused
  });
});

describe('bundleProblems', () => {
  it('flags what Apps Script lacks, not look-alikes', () => {
    const code = [
      "import { x } from './x';",
      'export const y = 1;',
      "var fs = require('fs'); var env = process.env.HOME;",
      'var b = Buffer.from("x"); setTimeout(f, 1); new TextEncoder();',
      'var u = new URL("https://x"); fetch("https://x");',
      '// require("commented") is skipped',
      'var ok = UrlFetchApp.fetch("https://x"); var ab = new ArrayBuffer(8); x.process.y = 1;',
    ].join('\n');
    expect(bundleProblems(code).map((p) => p.split(' at ')[0])).toEqual([
      'import statement', 'export statement', 'require(', 'process.', 'Buffer', 'setTimeout', 'TextEncoder', 'new URL(', 'fetch(',
    ]);
    // The script's own probe line names Buffer, setTimeout and TextEncoder: a regex cannot tell `typeof X` from a use.
    expect(bundleProblems(SCRIPT).map((p) => p.split(' at ')[0])).toEqual(['Buffer', 'setTimeout', 'TextEncoder']);
  });
});

describe('the built add-on (build/Code.js)', () => {
  const built = fs.existsSync(DEFAULT_BUNDLE);
  const name = 'loads in the bare sandbox: no forbidden globals, every manifest function present';
  (built ? it : it.skip)(built ? name : `${name} (skipped: build/Code.js does not exist yet; \`npm run build\` makes it)`, () => {
    expect(bundleProblems(fs.readFileSync(DEFAULT_BUNDLE, 'utf8'))).toEqual([]);
    const sb = loadBundle();
    expect(sb.manifest).not.toBeNull();
    expect(sb.problems).toEqual([]);
    expect(sb.missingFunctions).toEqual([]);
    expect(sb.globals.length).toBeGreaterThan(0);
  });
});
