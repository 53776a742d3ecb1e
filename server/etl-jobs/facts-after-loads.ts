/**
 * The derived facts after a batch of loads (a load request, an inbox scan, the
 * demo, a CLI load): brought up to date at once when the loads changed rows, or
 * when earlier loads left markers that no refresh has picked up yet (a CLI load
 * with --no-facts, a crash between a load and its refresh). One refresh per
 * batch, not per file: it covers everything every marker names.
 */
import { factsPending, refreshFacts, type FactsRefresh } from '../../etl/facts/refresh-facts.ts';
import type { LoadResult } from '../../etl/load/load-file.ts';
import type { Warehouse } from '../db/warehouse.ts';

export type { FactsRefresh };

/** A load that stored or retracted rows (its run left markers for the refresh). */
export function changedRows(r: Pick<LoadResult, 'loaded' | 'retracted'> | null | undefined): boolean {
  return !!r && (r.loaded > 0 || r.retracted > 0);
}

/** Refreshes when there is anything to refresh; null when the facts were already up to date. */
export async function refreshAfterLoads(wh: Warehouse, loads: ReadonlyArray<LoadResult | null | undefined>): Promise<FactsRefresh | null> {
  if (!loads.some(changedRows) && !(await factsPending(wh))) return null;
  return refreshFacts(wh);
}
