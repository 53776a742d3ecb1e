/**
 * The global filters, read from the URL (lib/global-filters.ts) and written back
 * to it. A change is a history step, so back restores the previous filters.
 */
import { withCasesRef } from '../lib/cases-ref.ts';
import { filtersOnly, parseFilters, withFilters, type GlobalFilters } from '../lib/global-filters.ts';
import { loc, setParams } from './location.svelte.ts';
import { platform } from './platform.svelte.ts';

let cached: { key: string; f: GlobalFilters } | null = null;

/** Keyed on the filter keys only: opening a drawer (a page key) keeps the same object, so nothing refetches. */
export function filters(): GlobalFilters {
  const own = filtersOnly(loc.search);
  const key = `${own}|${platform.timeZone}`;
  if (cached?.key !== key) cached = { key, f: parseFilters(own, new Date(), platform.timeZone) };
  return cached.f;
}

/** New filters; an open cases drawer is closed, since its list no longer matches the numbers on screen. */
export function setFilters(f: GlobalFilters): void {
  const search = withFilters(loc.search, f);
  setParams(withCasesRef(new URLSearchParams(search), null));
}
