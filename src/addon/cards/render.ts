/** The one CardService renderer: card specs and action results in, CardService builder calls out; every action goes to the global `onAction`. */
import { isIsoDate, toDays } from '../../core/dates';
import type { ActionResultSpec, ActionSpec, ButtonSpec, CardSpec, SectionSpec, WidgetSpec } from './spec';

/** The one global function the entry file exposes for card actions; the action name travels in the `action` parameter. */
export const DISPATCHER_FUNCTION = 'onAction';

const DAY_MS = 86_400_000;

/** Apps Script's CardService as @types/google-apps-script declares it: every builder call below is checked by the compiler. */
export type CardServiceLike = GoogleAppsScript.Card_Service.CardService;
type Built = GoogleAppsScript.Card_Service.Card;

export function renderCard(spec: CardSpec, cs: CardServiceLike): unknown {
  const header = cs.newCardHeader().setTitle(spec.header.title);
  if (spec.header.subtitle) header.setSubtitle(spec.header.subtitle);
  if (spec.header.imageUrl) header.setImageUrl(spec.header.imageUrl);
  const card = cs.newCardBuilder().setName(spec.name).setHeader(header);
  // CardService rejects a section without widgets; a view with nothing to say in a section simply loses it.
  for (const s of spec.sections) if (s.widgets.length > 0) card.addSection(section(s, cs));
  if (spec.footer) {
    const footer = cs.newFixedFooter().setPrimaryButton(button(spec.footer.primary, cs));
    if (spec.footer.secondary) footer.setSecondaryButton(button(spec.footer.secondary, cs));
    card.setFixedFooter(footer);
  }
  return card.build();
}

export function renderActionResult(result: ActionResultSpec, cs: CardServiceLike): unknown {
  if (result.requestFileScope && cs.newEditorFileScopeActionResponseBuilder) {
    return cs.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
  }
  const response = cs.newActionResponseBuilder();
  const nav = result.navigation;
  if (nav && (nav.popToRoot || nav.pop || nav.update || nav.push)) {
    // Order matters: pop first, then replace or push, so "back to home, refreshed" is one response.
    let n = cs.newNavigation();
    if (nav.popToRoot) n = n.popToRoot();
    if (nav.pop) n = n.popCard();
    if (nav.update) n = n.updateCard(renderCard(nav.update, cs) as Built);
    if (nav.push) n = n.pushCard(renderCard(nav.push, cs) as Built);
    response.setNavigation(n);
  }
  if (result.notification) response.setNotification(cs.newNotification().setText(result.notification));
  if (result.openUrl) response.setOpenLink(cs.newOpenLink().setUrl(result.openUrl));
  return response.build();
}

function section(s: SectionSpec, cs: CardServiceLike): GoogleAppsScript.Card_Service.CardSection {
  const out = cs.newCardSection();
  if (s.header) out.setHeader(s.header);
  if (s.collapsible) {
    out.setCollapsible(true);
    if (s.uncollapsible !== undefined) out.setNumUncollapsibleWidgets(Math.min(s.uncollapsible, s.widgets.length));
  }
  for (const w of s.widgets) out.addWidget(widget(w, cs));
  return out;
}

function widget(w: WidgetSpec, cs: CardServiceLike): object {
  switch (w.kind) {
    case 'text':
      return cs.newTextParagraph().setText(w.html);
    case 'kv': {
      const d = cs.newDecoratedText().setText(w.text).setWrapText(w.wrap ?? true);
      if (w.topLabel) d.setTopLabel(w.topLabel);
      if (w.bottomLabel) d.setBottomLabel(w.bottomLabel);
      if (w.startIcon) d.setStartIcon(cs.newIconImage().setIcon(cs.Icon[w.startIcon]));
      if (w.button) d.setButton(button(w.button, cs));
      else if (w.action) d.setOnClickAction(action(w.action, cs));
      if (!w.button && w.endIcon === 'chevron') d.setEndIcon(cs.newIconImage().setMaterialIcon(cs.newMaterialIcon().setName('chevron_right')).setAltText('Open'));
      return d;
    }
    case 'buttons': {
      const set = cs.newButtonSet();
      for (const b of w.buttons) set.addButton(button(b, cs));
      return set;
    }
    case 'input': {
      const t = cs.newTextInput().setFieldName(w.name).setTitle(w.title);
      // An empty value is left unset: CardService shows the hint only in an empty field.
      if (w.value) t.setValue(w.value);
      if (w.hint) t.setHint(w.hint);
      if (w.multiline) t.setMultiline(true);
      if (w.onChange) t.setOnChangeAction(action(w.onChange, cs));
      if (w.suggestions && w.suggestions.length > 0) t.setSuggestions(cs.newSuggestions().addSuggestions(w.suggestions));
      return t;
    }
    case 'date': {
      const p = cs.newDatePicker().setFieldName(w.name).setTitle(w.title);
      if (w.value && isIsoDate(w.value)) p.setValueInMsSinceEpoch(dayToMs(w.value));
      return p;
    }
    case 'select': {
      const type = w.type === 'dropdown' ? cs.SelectionInputType.DROPDOWN : w.type === 'switch' ? cs.SelectionInputType.SWITCH : cs.SelectionInputType.CHECK_BOX;
      const s = cs.newSelectionInput().setType(type).setFieldName(w.name).setTitle(w.title);
      for (const i of w.items) s.addItem(i.text, i.value, i.selected);
      if (w.onChange) s.setOnChangeAction(action(w.onChange, cs));
      return s;
    }
    case 'divider':
      return cs.newDivider();
  }
}

/**
 * A date picker shows the UTC calendar day of its value (the event hands it back as ms at UTC midnight),
 * so a day is sent as its UTC midnight: no host or user zone can move it by one.
 */
export function dayToMs(day: string): number {
  return toDays(day) * DAY_MS;
}

function button(b: ButtonSpec, cs: CardServiceLike): GoogleAppsScript.Card_Service.TextButton {
  const t = cs.newTextButton().setText(b.text);
  if (b.style === 'filled') {
    t.setTextButtonStyle(cs.TextButtonStyle.FILLED);
    if (b.color) t.setBackgroundColor(b.color);
  } else if (b.style === 'text') {
    t.setTextButtonStyle(cs.TextButtonStyle.OUTLINED);
  }
  if (b.openLink) t.setOpenLink(cs.newOpenLink().setUrl(b.openLink.url));
  else if (b.action) t.setOnClickAction(action(b.action, cs));
  return t;
}

/** Every action calls the one dispatcher; the name rides in the parameters (which must all be strings). */
function action(a: ActionSpec, cs: CardServiceLike): GoogleAppsScript.Card_Service.Action {
  const out = cs.newAction().setFunctionName(DISPATCHER_FUNCTION).setParameters({ ...(a.params ?? {}), action: a.name });
  if (a.loadIndicator) out.setLoadIndicator(a.loadIndicator === 'none' ? cs.LoadIndicator.NONE : cs.LoadIndicator.SPINNER);
  return out;
}
