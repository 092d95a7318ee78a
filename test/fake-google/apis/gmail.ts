/** Gmail drafts, kept as raw RFC 5322 messages; any attempt to send mail is refused (the tool only ever drafts). */
import { FakeError, type FakeRequest, type FakeState, type Handler } from '../types';
import { type AnyJson, invalid, notFound, ok, param, pathParam } from './util';

/** The raw message of a create/update: `{ message: { raw } }`, or an rfc822 media upload. */
function rawOf(req: FakeRequest): string {
  if (req.media) return req.media.data.toString('base64url');
  const raw: unknown = (req.body as AnyJson)?.message?.raw;
  if (typeof raw !== 'string' || raw === '') throw invalid('Invalid draft: message.raw is required', 'invalidArgument');
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  // Gmail rejects a "message" with no header block; a body built without headers is a bug worth a loud 400.
  if (!/^[!-9;-~]+:/.test(text)) throw invalid('Invalid raw message: no RFC 5322 header found', 'invalidArgument');
  return raw;
}

/** Header lines of a raw message, unfolded: enough for `format=metadata|full` reads. */
function headersOf(raw: string): { name: string; value: string }[] {
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/).filter(Boolean).map((line) => {
    const i = line.indexOf(':');
    return { name: line.slice(0, i), value: line.slice(i + 1).trim() };
  });
}

function draftOf(req: FakeRequest, state: FakeState): { id: string; message: { id: string; raw: string } } {
  const id = pathParam(req, 'id');
  const draft = state.drafts.get(id);
  if (!draft) throw notFound();
  return draft;
}

function view(draft: { id: string; message: { id: string; raw: string } }, format = 'full'): AnyJson {
  const base = { id: draft.message.id, threadId: draft.message.id, labelIds: ['DRAFT'] };
  if (format === 'raw') return { id: draft.id, message: { ...base, raw: draft.message.raw } };
  if (format === 'minimal') return { id: draft.id, message: base };
  return { id: draft.id, message: { ...base, payload: { mimeType: 'message/rfc822', headers: headersOf(draft.message.raw) } } };
}

const refuse: Handler = () => {
  throw new FakeError(403, 'The fake Google server never sends mail: the QBR tool must only create drafts (SPEC §5).', 'forbidden');
};

export const gmailHandlers: Record<string, Handler> = {
  'gmail.users.drafts.create': (req, state) => {
    const draft = { id: state.nextId('r-'), message: { id: state.nextId('msg'), raw: rawOf(req) } };
    state.drafts.set(draft.id, draft);
    return ok(view(draft, 'minimal'));
  },
  'gmail.users.drafts.update': (req, state) => {
    const draft = draftOf(req, state);
    // The draft keeps its id; Gmail gives the replacement message a new id.
    draft.message = { id: state.nextId('msg'), raw: rawOf(req) };
    return ok(view(draft, 'minimal'));
  },
  'gmail.users.drafts.get': (req, state) => ok(view(draftOf(req, state), param(req, 'format'))),
  'gmail.users.drafts.list': (req, state) => {
    // Gmail search: only `rfc822msgid:<id>` is modelled (what a client uses to find a message it made).
    const q = typeof req.params.q === 'string' ? req.params.q : '';
    const wanted = /rfc822msgid:<?([^>\s]+)>?/.exec(q)?.[1];
    const matches = (raw: string) => !wanted || new RegExp(`^Message-ID:\\s*<${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`, 'mi').test(Buffer.from(raw, 'base64url').toString('utf8'));
    const drafts = [...state.drafts.values()].filter((d) => matches(d.message.raw)).map((d) => view(d, 'minimal'));
    return ok({ drafts, resultSizeEstimate: drafts.length });
  },
  'gmail.users.drafts.delete': (req, state) => {
    state.drafts.delete(draftOf(req, state).id);
    return ok();
  },
  'gmail.users.drafts.send': refuse,
  'gmail.users.messages.send': refuse,
};
