/** The CardService renderer against a recording fake: every builder call is logged, build() returns a plain tree to assert on. */
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import { readCsvFolder } from '../../src/workbook/csv';
import { dayToMs, DISPATCHER_FUNCTION, renderActionResult, renderCard, type CardServiceLike } from '../../src/addon/cards/render';
import type { CardSpec } from '../../src/addon/cards/spec';
import { accountCard, homeCard, managerCard, settingsCard } from '../../src/addon/cards/views';

const TODAY = '2026-11-22';
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });

/** A node of the recorded tree: what was made (`Action`, `TextButton` …) and the calls made on it, in order. */
interface Node {
  kind: string;
  calls: { method: string; args: unknown[] }[];
}

const RECORDER = Symbol('recorder');

/**
 * A fake CardService: `newX()` returns a recorder whose every method logs its call and returns the recorder;
 * `build()` returns the recorder's calls as a plain tree (nested builders become nodes too). Enums are strings.
 */
function fakeCardService(): { cs: CardServiceLike; made: Node[] } {
  const made: Node[] = [];
  const plain = (v: unknown): unknown => {
    if (v && typeof v === 'object' && RECORDER in v) return tree((v as { [RECORDER]: Node })[RECORDER]);
    return v;
  };
  const tree = (n: Node): Node => ({ kind: n.kind, calls: n.calls.map((c) => ({ method: c.method, args: c.args.map(plain) })) });
  const recorder = (kind: string): object => {
    const node: Node = { kind, calls: [] };
    made.push(node);
    const proxy: object = new Proxy({}, {
      has: (_t, p) => p === RECORDER,
      get: (_t, p) => {
        if (p === RECORDER) return node;
        if (typeof p === 'symbol') return undefined;
        return (...args: unknown[]) => {
          node.calls.push({ method: p, args });
          return p === 'build' ? tree(node) : proxy;
        };
      },
    });
    return proxy;
  };
  const enumOf = (name: string) => new Proxy({}, { get: (_t, p) => `${name}.${String(p)}` });
  const cs = new Proxy({}, {
    get: (_t, p) => {
      const name = String(p);
      if (name.startsWith('new')) return () => recorder(name.slice(3));
      return enumOf(name);
    },
  }) as CardServiceLike;
  return { cs, made };
}

/** Every node of a kind anywhere under a tree. */
function find(n: Node, kind: string): Node[] {
  const out: Node[] = n.kind === kind ? [n] : [];
  for (const c of n.calls) for (const a of c.args) if (a && typeof a === 'object' && 'kind' in a && 'calls' in a) out.push(...find(a as Node, kind));
  return out;
}

function call(n: Node, method: string): unknown[] | undefined {
  return n.calls.find((c) => c.method === method)?.args;
}

function actionCount(spec: CardSpec): number {
  let n = 0;
  for (const s of spec.sections) {
    for (const w of s.widgets) {
      if (w.kind === 'kv') n += (w.action && !w.button ? 1 : 0) + (w.button?.action ? 1 : 0);
      if ((w.kind === 'input' || w.kind === 'select') && w.onChange) n++;
      if (w.kind === 'buttons') n += w.buttons.filter((b) => b.action).length;
    }
  }
  if (spec.footer) n += [spec.footer.primary, spec.footer.secondary].filter((b) => b?.action).length;
  return n;
}

describe('renderCard', () => {
  it('renders a whole home card: header, a section per spec section, widgets in order', () => {
    const spec = homeCard({ trackerUrl: 'https://docs.google.com/spreadsheets/d/abc', book, query: '', today: TODAY, host: 'sheets' });
    const { cs } = fakeCardService();
    const order = book.accounts.map((a) => a.id);
    const card = renderCard(spec, cs) as Node;
    expect(book.accounts.map((a) => a.id)).toEqual(order);
    expect(card.kind).toBe('CardBuilder');
    expect(call(card, 'setName')).toEqual(['home']);
    const header = call(card, 'setHeader')?.[0] as Node;
    expect(header.calls).toEqual([
      { method: 'setTitle', args: ['QBR Facilitator'] },
      { method: 'setSubtitle', args: ['8 accounts · 1 overdue · 4 due in 30 days · as of Nov 22, 2026'] },
    ]);
    const sections = card.calls.filter((c) => c.method === 'addSection').map((c) => c.args[0] as Node);
    expect(sections).toHaveLength(spec.sections.length);
    expect(sections.map((s) => call(s, 'setHeader')?.[0])).toEqual(spec.sections.map((s) => s.header));
    expect(sections.map((s) => s.calls.filter((c) => c.method === 'addWidget').length)).toEqual(spec.sections.map((s) => s.widgets.length));
    expect(card.calls.at(-1)?.method).toBe('build');

    const problems = sections[2]!;
    expect(problems.calls.slice(0, 3)).toEqual([
      { method: 'setHeader', args: ['Tracker problems (1)'] },
      { method: 'setCollapsible', args: [true] },
      { method: 'setNumUncollapsibleWidgets', args: [0] },
    ]);
    const row = find(sections[1]!, 'DecoratedText')[0]!;
    expect(row.calls.map((c) => c.method)).toEqual(['setText', 'setWrapText', 'setTopLabel', 'setBottomLabel', 'setOnClickAction', 'setEndIcon']);
    // A clickable row looks clickable: a Material chevron at its end.
    const end = call(row, 'setEndIcon')?.[0] as Node;
    expect((call(end, 'setMaterialIcon')?.[0] as Node).calls).toEqual([{ method: 'setName', args: ['chevron_right'] }]);
    expect(call(row, 'setText')).toEqual(['<b>Atlas Manufacturing</b> <font color="#C62828"><b>● Red 39</b></font>']);
  });

  it('sends every action to the one dispatcher, with the action name in the parameters', () => {
    const specs = [
      homeCard({ trackerUrl: 'u', book, query: '', today: TODAY, host: 'sheets' }),
      homeCard({ trackerUrl: null, book: null, query: '', today: TODAY, host: 'sheets' }),
      accountCard({ review: book.accounts[0]!, today: TODAY, qbrDate: '2026-12-10', qbrDateBasis: 'b', dataToConfirm: [] }),
      managerCard({ book, today: TODAY, log: [] }),
      settingsCard({ templateId: null, folderId: null, timezone: null, defaultLengthMinutes: null, userTimezone: 'UTC' }),
    ];
    for (const spec of specs) {
      const { cs } = fakeCardService();
      const card = renderCard(spec, cs) as Node;
      const actions = find(card, 'Action');
      expect(actions).toHaveLength(actionCount(spec));
      for (const a of actions) {
        expect(call(a, 'setFunctionName')).toEqual([DISPATCHER_FUNCTION]);
        expect(DISPATCHER_FUNCTION).toBe('onAction');
        const params = call(a, 'setParameters')?.[0] as Record<string, string>;
        expect(typeof params.action).toBe('string');
        for (const v of Object.values(params)) expect(typeof v).toBe('string');
      }
    }
  });

  it('maps account card widgets onto their builders: generate params, filled button, switch, date at UTC midnight', () => {
    const spec = accountCard({ review: book.accounts[0]!, today: TODAY, qbrDate: '2026-12-10', qbrDateBasis: 'the QBR Date in the tracker', dataToConfirm: [] });
    const { cs } = fakeCardService();
    const card = renderCard(spec, cs) as Node;

    const picker = find(card, 'DatePicker')[0]!;
    expect(picker.calls).toEqual([
      { method: 'setFieldName', args: ['qbrDate'] },
      { method: 'setTitle', args: ['QBR date'] },
      { method: 'setValueInMsSinceEpoch', args: [Date.UTC(2026, 11, 10)] },
    ]);
    expect(new Date(call(picker, 'setValueInMsSinceEpoch')?.[0] as number).toISOString()).toBe('2026-12-10T00:00:00.000Z');

    const sw = find(card, 'SelectionInput')[0]!;
    expect(sw.calls).toEqual([
      { method: 'setType', args: ['SelectionInputType.SWITCH'] },
      { method: 'setFieldName', args: ['shareWithChampion'] },
      { method: 'setTitle', args: ['Share with champion'] },
      { method: 'addItem', args: ['Share the docs with Priya Raman (can comment)', 'yes', false] },
    ]);

    const pkg = find(card, 'TextButton').find((b) => call(b, 'setText')?.[0] === 'Generate the package')!;
    expect(find(card, 'FixedFooter')).toHaveLength(1);
    expect(pkg.calls.map((c) => c.method)).toEqual(['setText', 'setTextButtonStyle', 'setBackgroundColor', 'setOnClickAction']);
    expect(call(pkg, 'setTextButtonStyle')).toEqual(['TextButtonStyle.FILLED']);
    expect(call(pkg, 'setBackgroundColor')).toEqual(['#1A73E8']);
    expect((call(pkg, 'setOnClickAction')?.[0] as Node).calls).toEqual([
      { method: 'setFunctionName', args: ['onAction'] },
      { method: 'setParameters', args: [{ accountId: 'ACC-001', what: 'package', action: 'generate' }] },
    ]);

    const value = find(card, 'DecoratedText').find((d) => call(d, 'setText')?.[0] === '<b>$171K</b>')!;
    const icon = call(value, 'setStartIcon')?.[0] as Node;
    expect(icon).toEqual({ kind: 'IconImage', calls: [{ method: 'setIcon', args: ['Icon.DOLLAR'] }] });
  });

  it('renders inputs, links, dividers, text styles, load indicators and the fixed footer; drops empty sections', () => {
    const spec: CardSpec = {
      name: 'x',
      header: { title: 'T', imageUrl: 'https://example.com/i.png' },
      sections: [
        { header: 'empty', widgets: [] },
        {
          widgets: [
            { kind: 'input', name: 'query', title: 'Search', value: '', hint: 'h', onChange: { name: 'search', loadIndicator: 'none' } },
            { kind: 'input', name: 'note', title: 'Note', value: 'v', multiline: true },
            { kind: 'date', name: 'd', title: 'D', value: 'not a date' },
            { kind: 'select', name: 's', title: 'S', type: 'dropdown', items: [{ text: 'a', value: '1', selected: true }] },
            { kind: 'divider' },
            { kind: 'buttons', buttons: [{ text: 'Docs', openLink: { url: 'https://docs.google.com/x' } }, { text: 'Plain', style: 'text', action: { name: 'openHome', params: { action: 'evil' } } }] },
            { kind: 'kv', text: 'k', button: { text: 'Go', action: { name: 'openHome' } } },
          ],
        },
      ],
      footer: { primary: { text: 'Save', action: { name: 'saveSettings', loadIndicator: 'spinner' } }, secondary: { text: 'Help', openLink: { url: 'https://h' } } },
    };
    const { cs } = fakeCardService();
    const card = renderCard(spec, cs) as Node;
    expect((call(card, 'setHeader')?.[0] as Node).calls).toEqual([{ method: 'setTitle', args: ['T'] }, { method: 'setImageUrl', args: ['https://example.com/i.png'] }]);
    expect(card.calls.filter((c) => c.method === 'addSection')).toHaveLength(1);

    const [search, note] = find(card, 'TextInput');
    expect(search!.calls.map((c) => c.method)).toEqual(['setFieldName', 'setTitle', 'setHint', 'setOnChangeAction']);
    expect((call(search!, 'setOnChangeAction')?.[0] as Node).calls.at(-1)).toEqual({ method: 'setLoadIndicator', args: ['LoadIndicator.NONE'] });
    expect(note!.calls).toEqual([
      { method: 'setFieldName', args: ['note'] }, { method: 'setTitle', args: ['Note'] }, { method: 'setValue', args: ['v'] }, { method: 'setMultiline', args: [true] },
    ]);
    expect(find(card, 'DatePicker')[0]!.calls.map((c) => c.method)).toEqual(['setFieldName', 'setTitle']);
    expect(call(find(card, 'SelectionInput')[0]!, 'setType')).toEqual(['SelectionInputType.DROPDOWN']);
    expect(find(card, 'Divider')).toHaveLength(1);

    const [docs, plain, go] = find(card, 'TextButton');
    expect(call(docs!, 'setOpenLink')).toEqual([{ kind: 'OpenLink', calls: [{ method: 'setUrl', args: ['https://docs.google.com/x'] }] }]);
    expect(call(docs!, 'setOnClickAction')).toBeUndefined();
    expect(call(plain!, 'setTextButtonStyle')).toEqual(['TextButtonStyle.OUTLINED']);
    // The name always wins over a parameter that tries to reuse the reserved key.
    expect(call(call(plain!, 'setOnClickAction')?.[0] as Node, 'setParameters')).toEqual([{ action: 'openHome' }]);
    expect(call(go!, 'setText')).toEqual(['Go']);
    expect(call(find(card, 'DecoratedText')[0]!, 'setButton')).toBeDefined();

    const footer = call(card, 'setFixedFooter')?.[0] as Node;
    const primary = call(footer, 'setPrimaryButton')?.[0] as Node;
    expect(call(call(primary, 'setOnClickAction')?.[0] as Node, 'setLoadIndicator')).toEqual(['LoadIndicator.SPINNER']);
    expect(call(footer, 'setSecondaryButton')).toBeDefined();
  });
});

describe('renderActionResult', () => {
  const small: CardSpec = { name: 'n', header: { title: 'N' }, sections: [{ widgets: [{ kind: 'text', html: 'hi' }] }] };

  it('pops to root, then updates, then pushes; adds a notification and a link', () => {
    const { cs } = fakeCardService();
    const res = renderActionResult({ navigation: { push: small, update: small, popToRoot: true }, notification: 'Saved', openUrl: 'https://x' }, cs) as Node;
    expect(res.kind).toBe('ActionResponseBuilder');
    const nav = call(res, 'setNavigation')?.[0] as Node;
    expect(nav.calls.map((c) => c.method)).toEqual(['popToRoot', 'updateCard', 'pushCard']);
    expect((nav.calls[1]!.args[0] as Node).kind).toBe('CardBuilder');
    expect(call(res, 'setNotification')).toEqual([{ kind: 'Notification', calls: [{ method: 'setText', args: ['Saved'] }] }]);
    expect(call(res, 'setOpenLink')).toEqual([{ kind: 'OpenLink', calls: [{ method: 'setUrl', args: ['https://x'] }] }]);
    expect(res.calls.at(-1)?.method).toBe('build');
  });

  it('a toast alone sets no navigation', () => {
    const { cs, made } = fakeCardService();
    const res = renderActionResult({ notification: 'Nothing to do' }, cs) as Node;
    expect(res.calls.map((c) => c.method)).toEqual(['setNotification', 'build']);
    expect(made.map((m) => m.kind)).toEqual(['ActionResponseBuilder', 'Notification']);
  });
});

describe('dayToMs', () => {
  it('is the UTC midnight of the day, whatever the host zone', () => {
    expect(dayToMs('1970-01-02')).toBe(86_400_000);
    expect(dayToMs('2026-03-08')).toBe(Date.UTC(2026, 2, 8));
    expect(dayToMs('2026-11-01')).toBe(Date.UTC(2026, 10, 1));
  });
});
