// Gmail drafts: create vs update with the 404 fallback, the raw message read back by mailparser, and no send method anywhere in src/google.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { EmailPlan } from '../../src/core/package/types';
import { draftCall, draftIdsCell, draftMessageCall, parseDraftIds } from '../../src/google/gmail';
import type { ApiCall } from '../../src/google/types';
import { allDiscoveryProblems } from './discovery-check';

const plan: EmailPlan = {
  kind: 'summary',
  to: [{ name: 'Dana Whitfield', email: 'dana@globaltech.example' }],
  cc: [{ name: 'Priya Nair', email: 'priya@vendor.example' }],
  subject: 'GlobalTech 2026-Q4 Business Review - Summary & Next Steps',
  html: '<p>Thanks Dana &amp; team</p>',
  text: 'Thanks Dana & team',
  missingRecipients: [],
};
const DATE = 'Sun, 22 Nov 2026 09:30:00 +0000';
const from = { name: 'Priya Nair', email: 'priya@vendor.example' };

const decode = (raw: string): string => Buffer.from(raw, 'base64url').toString('utf8');
const rawOf = (call: ApiCall): string => (call.body as { message: { raw: string } }).message.raw;

describe('draftCall', () => {
  it('creates a draft on a first run, binding its id', () => {
    const call = draftCall(plan, { existingDraftId: null, from, date: DATE, bindAs: 'summaryDraftId' });
    expect(call).toEqual({
      id: 'gmail.users.drafts.create',
      params: { userId: 'me' },
      body: { message: { raw: expect.stringMatching(/^[A-Za-z0-9_-]+$/) } },
      bind: { summaryDraftId: 'id' },
      note: 'Draft the summary email "GlobalTech 2026-Q4 Business Review - Summary & Next Steps"',
    });
  });

  it('updates the known draft on a re-run, and creates one if the user deleted it (404)', () => {
    const create = draftCall(plan, { existingDraftId: null, from, date: DATE, bindAs: 'summaryDraftId' });
    const update = draftCall(plan, { existingDraftId: 'r-123', from, date: DATE, bindAs: 'summaryDraftId' });
    expect(update).toEqual({
      id: 'gmail.users.drafts.update',
      params: { userId: 'me', id: 'r-123' },
      body: { id: 'r-123', message: { raw: rawOf(create) } },
      bind: { summaryDraftId: 'id' },
      note: 'Update the summary email draft "GlobalTech 2026-Q4 Business Review - Summary & Next Steps"',
      fallback: { on: [404], call: create },
    });
  });

  it('treats a blank draft id like none', () => {
    expect(draftCall(plan, { existingDraftId: '  ', date: DATE, bindAs: 'd' }).id).toBe('gmail.users.drafts.create');
  });

  it('encodes the core MIME message: headers, both parts, the caller\'s date, a stable Message-ID', async () => {
    const raw = rawOf(draftCall(plan, { existingDraftId: null, from, date: DATE, bindAs: 'd' }));
    const message = decode(raw);
    const parsed = await simpleParser(message);
    expect(parsed.subject).toBe(plan.subject);
    expect(parsed.text?.trim()).toBe('Thanks Dana & team');
    expect(parsed.html).toContain('<p>Thanks Dana &amp; team</p>');
    expect(parsed.from?.value).toEqual([{ name: 'Priya Nair', address: 'priya@vendor.example' }]);
    expect(message).toMatch(/^To: Dana Whitfield <dana@globaltech\.example>\r$/m);
    expect(message).toMatch(/^Cc: Priya Nair <priya@vendor\.example>\r$/m);
    expect(message).toContain(`\r\nDate: ${DATE}\r\n`);
    expect(parsed.messageId).toMatch(/^<qbr-summary-[0-9a-f]{16}@vendor\.example>$/);

    // Same plan and date: the same bytes. A later date changes the Date header only, never the Message-ID.
    expect(rawOf(draftCall(plan, { existingDraftId: 'x', from, date: DATE, bindAs: 'd' }))).toBe(raw);
    const later = decode(rawOf(draftCall(plan, { existingDraftId: 'x', from, date: 'Mon, 23 Nov 2026 08:00:00 +0000', bindAs: 'd' })));
    expect(later.replace(/^Date: .*$/m, '')).toBe(message.replace(/^Date: .*$/m, ''));
    // Without a sender, Gmail fills From in; the Message-ID falls back to a reserved domain.
    const bare = await simpleParser(decode(rawOf(draftCall(plan, { existingDraftId: null, date: DATE, bindAs: 'd' }))));
    expect(bare.from).toBeUndefined();
    expect(bare.messageId).toMatch(/@qbr-facilitator\.invalid>$/);
  });

  it('gives different emails different Message-IDs', async () => {
    const id = async (p: EmailPlan) => (await simpleParser(decode(rawOf(draftCall(p, { existingDraftId: null, from, date: DATE, bindAs: 'd' }))))).messageId;
    expect(await id(plan)).not.toBe(await id({ ...plan, kind: 'invitation', subject: 'GlobalTech 2026-Q4 Business Review - Agenda' }));
  });

  it('builds calls the discovery document accepts', () => {
    expect(allDiscoveryProblems([
      draftCall(plan, { existingDraftId: null, from, date: DATE, bindAs: 'd' }),
      draftCall(plan, { existingDraftId: 'r-1', date: DATE, bindAs: 'd' }),
    ])).toEqual([]);
  });
});

describe('never send', () => {
  it('no file in src/google names a send method', () => {
    const root = join(__dirname, '../../src/google');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files).toEqual(expect.arrayContaining(['gmail.ts', 'calendar.ts', 'docs.ts', 'drive.ts', 'sheets.ts']));
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      // A REST method id (or a googleapis / Apps Script path) ending in `send`: users.messages.send, users.drafts.send,
      // GmailApp.sendEmail, MailApp.sendEmail. A transport's own `send(call)` is HTTP plumbing, not a Gmail method.
      const hits = text.match(/\b(?:messages|drafts)\s*\.\s*send\b|['"`][a-z]+(?:\.[A-Za-z]+)*\.send['"`]|\b(?:GmailApp|MailApp)\s*\.\s*send\w*/gi) ?? [];
      expect({ file, hits }).toEqual({ file, hits: [] });
    }
  });

  it('the draft builder yields no send call, even in a fallback', () => {
    const ids = (c: ApiCall): string[] => [c.id, ...(c.fallback?.call ? ids(c.fallback.call) : [])];
    for (const existing of [null, 'r-1']) {
      for (const id of ids(draftCall(plan, { existingDraftId: existing, date: DATE, bindAs: 'd' }))) expect(id).not.toMatch(/send$/);
    }
  });
});

describe('the QBR Log Draft ID cell', () => {
  it('keeps the message id after the draft id, and reads a cell an older run wrote without it', () => {
    expect(parseDraftIds('summary=r-12/msg34, invitation=r-56/msg78')).toEqual({ summary: { id: 'r-12', messageId: 'msg34', content: null }, invitation: { id: 'r-56', messageId: 'msg78', content: null } });
    expect(parseDraftIds('summary=r-12, invitation=r-56')).toEqual({ summary: { id: 'r-12', messageId: null, content: null }, invitation: { id: 'r-56', messageId: null, content: null } });
    // The fingerprint of what was written comes last, after '#', and only with a message id.
    expect(parseDraftIds('summary=r-12/msg34#0a1b2c3d4e5f')).toEqual({ summary: { id: 'r-12', messageId: 'msg34', content: '0a1b2c3d4e5f' } });
    expect(draftIdsCell({ summary: { id: 'r-12', messageId: 'msg34', content: '0a1b2c3d4e5f' }, invitation: { id: 'r-56', messageId: null, content: 'ff' } })).toBe('summary=r-12/msg34#0a1b2c3d4e5f, invitation=r-56');
    expect(draftIdsCell({ summary: { id: 'r-12', messageId: 'msg34' }, invitation: { id: 'r-56', messageId: null } })).toBe('summary=r-12/msg34, invitation=r-56');
    // What an older reader's /(summary|invitation)=([A-Za-z0-9_-]+)/ takes from the new cell: still the draft id.
    expect([...'summary=r-12/msg34'.matchAll(/(summary|invitation)=([A-Za-z0-9_-]+)/g)][0]![2]).toBe('r-12');
  });

  it('checks a draft with a minimal read, a 404 (the CSM deleted it) answering null', () => {
    const call = draftMessageCall('r-12');
    expect(call).toMatchObject({ id: 'gmail.users.drafts.get', params: { userId: 'me', id: 'r-12', format: 'minimal' }, fallback: { on: [404] } });
    expect(allDiscoveryProblems([call])).toEqual([]);
  });
});
