/** Card specs drawn as HTML the way the Workspace add-on sidebar shows them (300 px, Material-ish), for `npm run card-previews`; never bundled into the add-on. */
import type { ButtonSpec, CardSpec, KnownIcon, SectionSpec, WidgetSpec } from '../src/addon/cards/spec';

export const PANEL_WIDTH = 300;
export const PANEL_HEIGHT = 650;

/** Plain text (titles, labels, input values) as HTML. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Card HTML as the client shows it: only the tags CardService understands pass (`<b>`, `<i>`, `<br>`,
 * `<font color>`, `<a href>`); anything else that looks like a tag is shown as text, as the client does.
 */
export function cardHtml(html: string): string {
  const allowed = /^<(\/?(?:b|i|u|s)|br\s*\/?|\/font|\/a|font color="#[0-9A-Fa-f]{6}"|a href="[^"<>]*")>/;
  let out = '';
  for (let i = 0; i < html.length; i++) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = allowed.exec(html.slice(i));
      if (m) {
        const tag = m[0].replace(/^<font color="(#[0-9A-Fa-f]{6})">$/, '<span style="color:$1">').replace(/^<\/font>$/, '</span>').replace(/^<a /, '<a class="link" ');
        out += tag;
        i += m[0].length - 1;
        continue;
      }
      out += '&lt;';
    } else if (ch === '>') out += '&gt;';
    else if (ch === '&' && !/^&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(html.slice(i, i + 10))) out += '&amp;';
    else out += ch;
  }
  return out;
}

/** Material icon paths (24 px) for the icons the views use; others fall back to a dot. */
const ICONS: Partial<Record<KnownIcon | 'chevron' | 'expand' | 'calendar' | 'dropdown', string>> = {
  PERSON: 'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
  CLOCK: 'M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67z',
  DOLLAR: 'M11.8 10.9c-2.27-.59-3-1.2-3-2.15 0-1.09 1.01-1.85 2.7-1.85 1.78 0 2.44.85 2.5 2.1h2.21c-.07-1.72-1.12-3.3-3.21-3.81V3h-3v2.16c-1.94.42-3.5 1.68-3.5 3.61 0 2.31 1.91 3.46 4.7 4.13 2.5.6 3 1.48 3 2.41 0 .69-.49 1.79-2.7 1.79-2.06 0-2.87-.92-2.98-2.1h-2.2c.12 2.19 1.76 3.42 3.68 3.83V21h3v-2.15c1.95-.37 3.5-1.5 3.5-3.55 0-2.84-2.43-3.81-4.7-4.4z',
  INVITE: 'M17 12h-5v5h5v-5zM16 1v2H8V1H6v2H5c-1.11 0-1.99.9-1.99 2L3 19c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2h-1V1h-2zm3 18H5V8h14v11z',
  DESCRIPTION: 'M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zm2 16H8v-2h8v2zm0-4H8v-2h8v2zm-3-5V3.5L18.5 9H13z',
  chevron: 'M10 6L8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z',
  expand: 'M16.59 8.59L12 13.17 7.41 8.59 6 10l6 6 6-6z',
  calendar: 'M20 3h-1V1h-2v2H7V1H5v2H4c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm0 18H4V8h16v13z',
  dropdown: 'M7 10l5 5 5-5z',
};

function icon(name: keyof typeof ICONS, cls = 'icon'): string {
  const d = ICONS[name];
  if (!d) return `<span class="${cls}"><svg viewBox="0 0 24 24"><circle cx="12" cy="12" r="4"/></svg></span>`;
  return `<span class="${cls}"><svg viewBox="0 0 24 24"><path d="${d}"/></svg></span>`;
}

/** CardService's mapping (render.ts): `filled` → FILLED, `text` → OUTLINED, none → a text button. */
function button(b: ButtonSpec): string {
  const kind = b.style === 'filled' ? 'filled' : b.style === 'text' ? 'outlined' : 'text';
  const style = b.style === 'filled' && b.color ? ` style="background:${escapeText(b.color)}"` : '';
  const link = b.openLink ? ' ↗' : '';
  return `<span class="btn ${kind}"${style}>${escapeText(b.text)}${link}</span>`;
}

function widget(w: WidgetSpec): string {
  switch (w.kind) {
    case 'text':
      return `<div class="w text">${cardHtml(w.html)}</div>`;
    case 'kv': {
      const start = w.startIcon ? icon(w.startIcon) : '';
      const lines = [
        w.topLabel ? `<div class="top">${cardHtml(w.topLabel)}</div>` : '',
        `<div class="main${w.wrap === false ? ' nowrap' : ''}">${cardHtml(w.text)}</div>`,
        w.bottomLabel ? `<div class="bottom">${cardHtml(w.bottomLabel)}</div>` : '',
      ].join('');
      const end = w.button ? `<div class="end">${button(w.button)}</div>` : w.endIcon === 'chevron' ? icon('chevron', 'end-icon') : '';
      return `<div class="w kv${w.action ? ' clickable' : ''}">${start}<div class="lines">${lines}</div>${end}</div>`;
    }
    case 'buttons':
      return `<div class="w buttons">${w.buttons.map(button).join('')}</div>`;
    case 'input': {
      const value = w.value ? `<div class="value">${escapeText(w.value)}</div>` : `<div class="value placeholder">&nbsp;</div>`;
      const hint = w.hint ? `<div class="hint">${escapeText(w.hint)}</div>` : '';
      return `<div class="w field"><div class="box${w.multiline ? ' multi' : ''}"><div class="label">${escapeText(w.title)}</div>${value}</div>${hint}</div>`;
    }
    case 'date': {
      const v = w.value ? new Date(`${w.value}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }) : '&nbsp;';
      return `<div class="w field"><div class="box"><div class="label">${escapeText(w.title)}</div><div class="value">${v}</div>${icon('calendar', 'field-icon')}</div></div>`;
    }
    case 'select': {
      if (w.type === 'dropdown') {
        const chosen = w.items.find((i) => i.selected) ?? w.items[0];
        return `<div class="w field"><div class="box"><div class="label">${escapeText(w.title)}</div><div class="value">${escapeText(chosen?.text ?? '')}</div>${icon('dropdown', 'field-icon')}</div></div>`;
      }
      const items = w.items.map((i) => `<div class="choice"><span class="choice-text">${escapeText(i.text)}</span><span class="${w.type}${i.selected ? ' on' : ''}"></span></div>`).join('');
      return `<div class="w select"><div class="select-title">${escapeText(w.title)}</div>${items}</div>`;
    }
    case 'divider':
      return '<div class="w divider"></div>';
  }
}

function section(s: SectionSpec): string {
  if (s.widgets.length === 0) return '';
  const header = s.header ? `<div class="section-header">${cardHtml(s.header)}</div>` : '';
  // A folded section shows its first `uncollapsible` widgets and a "show more" chevron, as the client does.
  const shown = s.collapsible ? s.widgets.slice(0, s.uncollapsible ?? 0) : s.widgets;
  const more = s.collapsible && shown.length < s.widgets.length ? `<div class="more">${icon('expand', 'more-icon')}</div>` : '';
  return `<div class="section">${header}${shown.map(widget).join('')}${more}</div>`;
}

const CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font-family: Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 20px; color: #3c4043; -webkit-font-smoothing: antialiased; }
.panel { width: ${PANEL_WIDTH}px; height: ${PANEL_HEIGHT}px; display: flex; flex-direction: column; border-left: 1px solid #dadce0; overflow: hidden; }
.appbar { height: 48px; flex: none; display: flex; align-items: center; padding: 0 12px 0 16px; border-bottom: 1px solid #dadce0; font-size: 16px; color: #202124; }
.appbar .logo { width: 20px; height: 20px; border-radius: 4px; background: #1F2A44; margin-right: 12px; }
.appbar .close { margin-left: auto; color: #5f6368; font-size: 18px; }
.scroll { flex: 1; overflow: hidden; }
.header { padding: 16px 16px 12px; border-bottom: 1px solid #dadce0; }
.header .title { font-size: 16px; line-height: 22px; font-weight: 500; color: #202124; }
.header .subtitle { font-size: 13px; line-height: 18px; color: #5f6368; margin-top: 2px; }
.section { padding: 8px 16px; border-bottom: 1px solid #dadce0; }
.section-header { font-size: 14px; font-weight: 500; color: #202124; padding: 6px 0 4px; }
.w { margin: 6px 0; }
.text { word-wrap: break-word; }
.link { color: #1a73e8; text-decoration: none; }
.kv { display: flex; align-items: center; min-height: 32px; }
.kv.clickable { cursor: pointer; }
.kv .lines { flex: 1; min-width: 0; }
.kv .top, .kv .bottom { font-size: 12px; line-height: 16px; color: #5f6368; }
.kv .main { word-wrap: break-word; }
.kv .main.nowrap { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kv .end { margin-left: 8px; flex: none; }
.end-icon { width: 24px; height: 24px; margin-left: 4px; flex: none; fill: #5f6368; }
.icon { width: 24px; height: 24px; margin-right: 12px; flex: none; fill: #5f6368; }
.icon svg, .end-icon svg, .field-icon svg, .more-icon svg { width: 100%; height: 100%; }
.buttons { display: flex; flex-wrap: wrap; gap: 6px 8px; margin-left: -8px; }
.btn { display: inline-block; font-size: 14px; font-weight: 500; line-height: 20px; padding: 8px 12px; border-radius: 4px; color: #1a73e8; white-space: nowrap; }
.btn.filled { color: #fff; background: #1a73e8; padding: 8px 16px; margin-left: 8px; }
.btn.outlined { border: 1px solid #dadce0; padding: 7px 15px; margin-left: 8px; }
.field .box { position: relative; border: 1px solid #80868b; border-radius: 4px; padding: 6px 36px 6px 12px; min-height: 52px; }
.field .box.multi { min-height: 72px; }
.field .label { font-size: 12px; line-height: 16px; color: #5f6368; }
.field .value { font-size: 14px; color: #202124; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.field .hint { font-size: 12px; line-height: 16px; color: #5f6368; padding: 4px 12px 0; }
.field-icon { position: absolute; right: 8px; top: 14px; width: 24px; height: 24px; fill: #5f6368; }
.select-title { font-size: 12px; color: #5f6368; }
.choice { display: flex; align-items: center; gap: 8px; }
.choice-text { flex: 1; }
.switch { width: 34px; height: 14px; border-radius: 7px; background: #bdc1c6; position: relative; flex: none; }
.switch::after { content: ""; position: absolute; left: -2px; top: -3px; width: 20px; height: 20px; border-radius: 50%; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.4); }
.switch.on { background: #8ab4f8; } .switch.on::after { left: 16px; background: #1a73e8; }
.checkbox { width: 18px; height: 18px; border: 2px solid #5f6368; border-radius: 2px; flex: none; }
.checkbox.on { background: #1a73e8; border-color: #1a73e8; }
.divider { border-top: 1px solid #dadce0; }
.more { display: flex; justify-content: center; }
.more-icon { width: 24px; height: 24px; fill: #5f6368; }
.footer { flex: none; display: flex; justify-content: flex-end; align-items: center; gap: 8px; padding: 10px 16px; border-top: 1px solid #dadce0; box-shadow: 0 -1px 3px rgba(60,64,67,.15); background: #fff; }
.footer .btn.filled { margin-left: 0; }
`;

/** A whole page: the sidebar's app bar, the card scrolling under it, and the fixed footer pinned at the bottom of the panel. */
export function renderCardHtml(card: CardSpec, appName = 'QBR Facilitator'): string {
  const header = `<div class="header"><div class="title">${escapeText(card.header.title)}</div>${card.header.subtitle ? `<div class="subtitle">${escapeText(card.header.subtitle)}</div>` : ''}</div>`;
  const footer = card.footer ? `<div class="footer">${card.footer.secondary ? button(card.footer.secondary) : ''}${button(card.footer.primary)}</div>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="panel">`
    + `<div class="appbar"><span class="logo"></span>${escapeText(appName)}<span class="close">✕</span></div>`
    + `<div class="scroll">${header}${card.sections.map(section).join('')}</div>${footer}</div></body></html>`;
}
