// The settings and ETL pages in Chromium over the fixture warehouse (fixture.ts):
// settings shows the policy version in force with its KPI goals, the version
// history and every calendar, as the API gives them; the ETL page lists the
// fixture's three loads, a run without rejects says so, and a real load of two
// bad call rows (POST /api/etl/load) shows each reject's line, rule and raw row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Calendar, EtlRun, MetricDefinition, Policies, RejectsPage } from '../../web/src/lib/api-types.ts';
import { goalParts } from '../../web/src/lib/kpi-goals.ts';
import { csvFile } from '../helpers/csv-fixture.ts';
import { LOCALES, WIDTHS, msg, openSignedIn, query, settle, uiFormat } from './core-helpers.ts';
import { screenshot, useDashboard } from './dashboard.ts';

const d = useDashboard();

describe('the settings page', () => {
  for (const [locale, lang] of LOCALES) {
    for (const width of WIDTHS) {
      it(`shows the policy in force, its goals, its history and the calendars (${locale}, ${width} px)`, async () => {
        const p = await openSignedIn(d, '/settings', { locale, width });
        const policies = await d.apiGet<Policies>('/api/settings/policies', { page: p.page });
        const { calendars } = await d.apiGet<{ calendars: Calendar[] }>('/api/settings/calendars', { page: p.page });
        const defs = await d.apiGet<{ metrics: MetricDefinition[] }>('/api/metrics/definitions', { page: p.page });
        const f = uiFormat(lang);
        const inForce = p.page.locator('[data-testid="policy-in-force"]');
        await inForce.waitFor();
        expect(await inForce.locator('h2').innerText()).toContain(msg(lang, 'settings.version', { version: policies.in_force.version }));
        // One row per KPI goal: the metric's name, the bound in its unit.
        const goals = Object.entries(policies.in_force.document.kpi_goals ?? {});
        expect(goals.length).toBeGreaterThan(0);
        const expected = goals.map(([id, goal]) => {
          const def = defs.metrics.find((m) => m.id === id)!;
          const g = goalParts(goal);
          return [def.name[lang], `${g.sign} ${f.value(g.value, def.unit)}`];
        });
        await expect.poll(() => inForce.locator('table').first().locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())))).toEqual(expected);
        // History: every version, the one in force marked.
        const history = p.page.locator('[data-testid="policy-history"] tbody tr');
        expect(await history.count()).toBe(policies.history.length);
        expect(await history.filter({ has: p.page.locator('td', { hasText: new RegExp(`^${policies.in_force.version}$`) }) }).getAttribute('class')).toContain('current');
        // Every calendar, with its zone; working-day calendars with their weekly hours.
        expect(calendars.length).toBeGreaterThan(0);
        for (const cal of calendars) {
          const card = p.page.locator(`[data-testid="calendar-${cal.id}"]`);
          const text = await card.innerText();
          expect(text, cal.id).toContain(cal.name);
          expect(text, cal.id).toContain(cal.time_zone);
          expect(text, cal.id).toContain(cal.continuous ? msg(lang, 'settings.continuous') : msg(lang, 'settings.weeklyHours'));
        }
        await settle(p.page);
        await screenshot(p.page, `settings-${lang}-${width}`);
        expect(p.errors).toEqual([]);
        await p.close();
      });
    }
  }
});

describe('the ETL page', () => {
  it('lists the fixture\'s three loads, newest first; a run without rejects says so, and back closes it', async () => {
    const p = await openSignedIn(d, '/etl', { locale: 'en-US' });
    const { runs } = await d.apiGet<{ runs: EtlRun[] }>('/api/etl/runs?limit=200', { page: p.page });
    expect(runs.map((r) => [r.fileName, r.read, r.loaded, r.rejected])).toEqual([
      ['complaints.csv', 1, 1, 0],
      ['ticket_events.jsonl', 5, 5, 0],
      ['calls.csv', 5, 5, 0],
    ]);
    const rows = p.page.locator('[data-testid="etl-run"]');
    await expect.poll(() => rows.count()).toBe(runs.length);
    for (const [i, run] of runs.entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      expect(cells.slice(0, 1).concat(cells.slice(3, 4), cells.slice(5, 10))).toEqual([String(run.runId), run.fileName, run.status, String(run.read), String(run.loaded), String(run.replaced), String(run.rejected)]);
    }
    await rows.first().click();
    await expect.poll(() => query(p.page).get('run')).toBe(String(runs[0]!.runId));
    const panel = p.page.locator('[data-testid="etl-rejects"]');
    await panel.locator('[data-testid="empty-state"]').waitFor();
    expect(await panel.locator('[data-testid="empty-state"]').innerText()).toBe(msg('en', 'etl.noRejects'));
    await settle(p.page);
    await screenshot(p.page, 'etl-en-1280');
    await p.page.goBack();
    await panel.waitFor({ state: 'detached' });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('shows the rejects of a real load of two bad call rows: line, rule, message and the raw row', async () => {
    const p = await openSignedIn(d, '/etl', { locale: 'zh-CN' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-radar-rejects-'));
    const file = path.join(dir, 'bad-calls.csv');
    fs.writeFileSync(file, csvFile(['call_id', 'started_at', 'queue', 'outcome', 'wait_s', 'agent_id'], [
      { call_id: 'X1', started_at: '2026-10-20 09:00:00', queue: 'orders', outcome: 'exploded', wait_s: '5' },
      { call_id: 'X2', started_at: '2026-10-20 10:00:00', queue: 'orders', outcome: 'answered', wait_s: '5' },
    ]));
    try {
      const res = await fetch(new URL('/api/etl/load', d.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${await d.sessionToken(p.page)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'calls', files: [file] }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      await res.text();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const rejects = await d.apiGet<RejectsPage>('/api/etl/rejects', { page: p.page });
    expect(rejects.total).toBe(2);
    expect(rejects.run?.fileName).toBe('bad-calls.csv');
    await p.page.reload();
    const run = p.page.locator('[data-testid="etl-run"]', { hasText: 'bad-calls.csv' });
    await run.click();
    await expect.poll(() => query(p.page).get('run')).toBe(String(rejects.run!.runId));
    const shown = p.page.locator('[data-testid="etl-reject"]');
    await expect.poll(() => shown.count()).toBe(2);
    expect(await p.page.locator('[data-testid="etl-rejects"] h2').innerText()).toBe(msg('zh', 'etl.rejects', { run: rejects.run!.runId, n: 2 }));
    for (const [i, r] of rejects.rejects.entries()) {
      const cells = await shown.nth(i).locator('td').allInnerTexts();
      expect(cells[0]).toBe(String(r.line));
      expect(cells[1]).toBe(r.rules.length ? r.rules.join(', ') : r.rule);
      expect(cells[2]).toBe(r.message);
      expect(cells[3]).toContain(i === 0 ? 'X1' : 'X2');
    }
    expect(rejects.rejects.flatMap((r) => r.rules.length ? r.rules : [r.rule]).sort()).toEqual(['answered_without_agent', 'unknown_outcome']);
    await settle(p.page);
    await screenshot(p.page, 'etl-rejects-zh-1280');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
