/** The account's people, roadmap and success-plan goals, tidied for the package (no formulas here). */
import type { RowOf } from '../tracker/schema';
import type { GoalReview, Person, RoadmapItem } from './types';

export function people(a: RowOf<'accounts'>, stakeholders: RowOf<'stakeholders'>[]) {
  return {
    csm: a.csm, csmEmail: a.csmEmail, ae: a.ae, champion: a.champion, championEmail: a.championEmail,
    executiveSponsor: a.executiveSponsor,
    stakeholders: stakeholders.map((s): Person => ({
      name: s.name, title: s.title, side: side(s.side), role: s.role, email: s.email, level: s.level, attending: yesNo(s.attending),
      influence: s.influence, sentiment: s.sentiment, lastContact: s.lastContact, status: s.status, note: s.note,
    })),
  };
}

function side(text: string | null): Person['side'] {
  if (text === null) return null;
  const t = text.trim().toLowerCase();
  if (t.startsWith('cust') || t === 'client') return 'Customer';
  if (t.startsWith('vend') || t === 'internal' || t === 'us') return 'Vendor';
  return null;
}

function yesNo(text: string | null): boolean | null {
  if (text === null) return null;
  const t = text.trim().toLowerCase();
  if (['yes', 'y', 'true', 'x', '✓', 'confirmed'].includes(t)) return true;
  if (['no', 'n', 'false', 'declined'].includes(t)) return false;
  return null;
}

const ROADMAP_TYPES: Record<string, RoadmapItem['type']> = {
  released: 'Released', shipped: 'Released', ga: 'Released', live: 'Released',
  upcoming: 'Upcoming', planned: 'Upcoming', beta: 'Upcoming', 'coming soon': 'Upcoming',
  request: 'Request', 'feature request': 'Request', requested: 'Request', ask: 'Request',
};

export function roadmapFor(accountId: string, rows: RowOf<'roadmap'>[]): RoadmapItem[] {
  return rows
    .filter((r) => r.accountId === null || r.accountId === accountId)
    .map((r) => ({
      item: r.item, type: r.type === null ? null : ROADMAP_TYPES[r.type.trim().toLowerCase()] ?? null,
      release: r.release, benefit: r.benefit, priority: r.priority, status: r.status, accountSpecific: r.accountId !== null,
    }));
}

export function goalsFor(rows: RowOf<'goals'>[]): GoalReview[] {
  return rows.map((g) => ({ goal: g.goal, successCriteria: g.successCriteria, owner: g.owner, due: g.due, progress: g.progress }));
}
