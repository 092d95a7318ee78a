/** The preview renderer (scripts/card-html.ts): tracker text is escaped, card HTML keeps only the client's tags, and every widget kind is drawn. */
import { cardHtml, escapeText, renderCardHtml } from '../../scripts/card-html';
import type { CardSpec, WidgetSpec } from '../../src/addon/cards/spec';

describe('card previews as HTML', () => {
  it('escapes plain text and keeps only the tags a card understands in card HTML', () => {
    expect(escapeText(`<script>alert("x")</script> & 'co'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(cardHtml('<b>Bold</b> <i>it</i><br><font color="#C62828">red</font> <a href="https://x.example/a?b=1">link</a>'))
      .toBe('<b>Bold</b> <i>it</i><br><span style="color:#C62828">red</span> <a class="link" href="https://x.example/a?b=1">link</a>');
    // Tags the client does not know are shown as text; escaped entities stay as they are; a bare & is escaped.
    expect(cardHtml('<img src=x onerror=alert(1)> &amp; R&D <font color="red">x</font>')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; R&amp;D &lt;font color="red"&gt;x</span>');
  });

  it('draws every widget kind, the header and the fixed footer, with tracker text escaped', () => {
    const evil = '<script>x</script>';
    const widgets: WidgetSpec[] = [
      { kind: 'text', html: `para ${escapeText(evil)}` },
      { kind: 'kv', topLabel: 'TOP', text: 'MAIN', bottomLabel: 'BOTTOM', startIcon: 'CLOCK', action: { name: 'openAccount' }, endIcon: 'chevron' },
      { kind: 'kv', text: 'WITH BUTTON', button: { text: 'END BUTTON', action: { name: 'back' } } },
      { kind: 'buttons', buttons: [{ text: 'FILLED', style: 'filled', color: '#1A73E8', action: { name: 'back' } }, { text: 'OUTLINED', style: 'text', action: { name: 'back' } }, { text: 'LINK', openLink: { url: 'https://x.example' } }] },
      { kind: 'input', name: 'q', title: 'INPUT TITLE', value: evil, hint: 'HINT' },
      { kind: 'date', name: 'd', title: 'DATE TITLE', value: '2026-12-14' },
      { kind: 'select', name: 's', title: 'DROPDOWN', type: 'dropdown', items: [{ text: 'one', value: '1', selected: false }, { text: 'TWO', value: '2', selected: true }] },
      { kind: 'select', name: 'w', title: 'SWITCH', type: 'switch', items: [{ text: 'SWITCH ITEM', value: 'yes', selected: true }] },
      { kind: 'divider' },
    ];
    const card: CardSpec = {
      name: 'x', header: { title: `Title ${evil}`, subtitle: 'SUB' },
      sections: [
        { header: 'SECTION', widgets },
        { header: 'FOLDED', collapsible: true, uncollapsible: 1, widgets: [{ kind: 'text', html: 'SHOWN' }, { kind: 'text', html: 'HIDDEN' }] },
        { header: 'EMPTY', widgets: [] },
      ],
      footer: { primary: { text: 'PRIMARY', style: 'filled', color: '#1A73E8', action: { name: 'generate' } }, secondary: { text: 'SECONDARY', action: { name: 'back' } } },
    };
    const html = renderCardHtml(card);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Title &lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('<div class="value">&lt;script&gt;x&lt;/script&gt;</div>');
    for (const text of ['SUB', 'SECTION', 'para &lt;script&gt;', 'TOP', 'MAIN', 'BOTTOM', 'END BUTTON', 'FILLED', 'OUTLINED', 'LINK ↗', 'INPUT TITLE', 'HINT', 'DATE TITLE', 'Dec 14, 2026', 'DROPDOWN', 'TWO', 'SWITCH ITEM', 'FOLDED', 'SHOWN', 'PRIMARY', 'SECONDARY']) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('HIDDEN');
    expect(html).not.toContain('EMPTY');
    for (const cls of ['class="w kv clickable"', 'class="end-icon"', 'class="btn filled"', 'class="btn outlined"', 'class="btn text"', 'class="switch on"', 'class="w divider"', 'class="more"', 'class="footer"']) {
      expect(html).toContain(cls);
    }
    // The secondary button comes before the primary, which sits at the footer's end.
    expect(html.indexOf('SECONDARY')).toBeLessThan(html.indexOf('PRIMARY'));
  });
});
