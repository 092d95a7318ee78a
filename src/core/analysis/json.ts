/** The `qbr analyze --json` document of SPEC §6: the contract fields, plus a few explanatory extras. */
import { publicFinding } from '../tracker/findings';
import type { AccountReview, BookReview } from './types';

const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function accountJson(r: AccountReview) {
  return {
    id: r.id,
    name: r.name,
    arr: r.arr,
    segment: r.segment,
    reviewType: r.reviewType,
    deck: r.deck,
    cadenceMonths: r.cadenceMonths,
    reviewLength: r.reviewLength,
    quarter: r.quarter,
    nextQbrDue: r.nextQbrDue,
    overdue: r.overdue,
    qbrDate: r.qbrDate,
    lastQbrDate: r.lastQbrDate,
    health: {
      score: r.health.score,
      band: r.health.band,
      trend: r.health.trend,
      dimensions: {
        usage: oneDecimal(r.health.dimensions.usage),
        engagement: oneDecimal(r.health.dimensions.engagement),
        support: oneDecimal(r.health.dimensions.support),
        relationship: oneDecimal(r.health.dimensions.relationship),
      },
      basis: r.health.basis,
    },
    trends: r.trends,
    value: {
      quarterTotal: r.value.quarterTotal,
      investment: r.value.investment,
      roi: r.value.roi,
      annualised: r.value.annualised,
      lines: r.value.lines.map((l) => ({ category: l.category, description: l.description, value: l.value, asReported: l.asReported, source: l.source, basis: l.basis })),
    },
    outcomes: r.outcomes.map((o) => ({ objective: o.objective, progress: o.progress, status: o.status, metric: o.metric, baseline: o.baseline, target: o.target, current: o.current, direction: o.direction })),
    risks: r.risks.map((k) => ({ risk: k.risk, quadrant: k.quadrant, escalation: k.escalation, likelihood: k.likelihood, impact: k.impact, arrAtRisk: k.arrAtRisk, open: k.open })),
    opportunities: { total: r.opportunities.total, weighted: r.opportunities.weighted },
    actions: { completionRate: r.actions.completionRate, band: r.actions.band, overdue: r.actions.overdue, basis: r.actions.basis },
    renewal: { date: r.renewal.date, daysToRenewal: r.renewal.daysToRenewal, focus: r.renewal.focus },
    benchmarks: (r.benchmarks ?? []).map((b) => ({ ...b, value: Math.round(b.value * 1000) / 1000 })),
    findings: r.findings.map(publicFinding),
  };
}

export function bookJson(book: BookReview) {
  return {
    today: book.today,
    accounts: book.accounts.map(accountJson),
    skipped: book.skipped,
    findings: book.findings.map(publicFinding),
  };
}
