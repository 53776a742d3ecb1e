/**
 * /api/etl: loads, inbox scans, the demo, the derived-facts refresh, the run log
 * and rejects. Loads, scans and the demo end with a facts refresh (a last
 * `facts` line on the load stream, `facts` in the scan and demo answers). Admin only
 * (the local admin token today). Every load goes through the one writer, so
 * loads asked for here queue behind any load already running.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { requireToken } from '../auth/require-token.ts';
import type { TokenVerifier } from '../auth/roles.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { EtlJobs, LoadEvent } from '../etl-jobs/etl-jobs.ts';
import { recentRuns, rejectsPage } from '../../etl/load/run-log-queries.ts';
import type { AppEnv } from '../http/app-env.ts';
import { BadParameter } from '../http/errors.ts';
import { ndjsonResponse, type Send } from '../http/ndjson.ts';
import { jsonBodyOf, queryOf } from '../http/validate.ts';
import { demoBody, factsBody, loadBody, rejectsQuery, runsQuery } from './etl-schemas.ts';

export interface EtlRouteDeps {
  wh: Warehouse;
  jobs: EtlJobs;
  verify: TokenVerifier;
}

/** Paths are the server's: relative ones are taken from its working folder. */
function checkFiles(files: readonly string[]): string[] {
  return files.map((f, i) => {
    const abs = path.resolve(f);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new BadParameter(`files[${i}]`, `no such file on the server: ${abs}`);
    }
    if (!stat.isFile()) throw new BadParameter(`files[${i}]`, `not a regular file: ${abs}`);
    return abs;
  });
}

/** At most a few progress lines a second, but every phase change and every result. */
function throttled(send: Send): (e: LoadEvent) => void {
  let last = { key: '', at: 0 };
  return function sendLoadEvent(e) {
    if (e.type === 'progress') {
      const key = `${e.file}\0${e.phase}`;
      const now = Date.now();
      if (key === last.key && now - last.at < 200) return;
      last = { key, at: now };
    }
    send(e);
  };
}

export function etlRoutes(deps: EtlRouteDeps) {
  const { wh, jobs } = deps;
  return new Hono<AppEnv>()
    .use('*', requireToken({ verify: deps.verify, role: 'admin' }))
    .post('/load', jsonBodyOf(loadBody), (c) => {
      const req = c.req.valid('json');
      const files = checkFiles(req.files);
      return ndjsonResponse(async (send) => {
        await jobs.load({ ...req, files }, throttled(send));
      });
    })
    .post('/scan', async (c) => c.json(await jobs.scan('api')))
    .post('/demo', jsonBodyOf(demoBody), async (c) => {
      const { days, seed, end } = c.req.valid('json');
      const result = await jobs.demo({ days, seed, end: end ? new Date(end) : new Date() });
      return c.json(result);
    })
    .post('/facts', jsonBodyOf(factsBody), async (c) => c.json(await jobs.refreshFacts({ full: c.req.valid('json').full ?? false })))
    .get('/runs', queryOf(runsQuery), async (c) => c.json({ runs: await recentRuns(wh, c.req.valid('query').limit) }))
    .get('/rejects', queryOf(rejectsQuery), async (c) => c.json(await rejectsPage(wh, c.req.valid('query'))));
}
