/**
 * The address bar as reactive state: the path picks the page, the query string
 * holds the global filters and the page's own state. User changes push a history
 * entry (so back undoes them); popstate restores whatever the entry held.
 */

export const loc = $state({ path: location.pathname, search: location.search });

/** Reads the address bar again (after popstate, or after another module replaced the URL). */
export function syncLocation(): void {
  loc.path = location.pathname;
  loc.search = location.search;
}

addEventListener('popstate', syncLocation);

function go(path: string, search: string, replace: boolean): void {
  const s = search && !search.startsWith('?') ? `?${search}` : search === '?' ? '' : search;
  if (path === loc.path && s === loc.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', path + s);
  loc.path = path;
  loc.search = s;
}

export function navigate(path: string, search = '', replace = false): void {
  go(path, search, replace);
  scrollTo(0, 0);
}

/** The current query parameters (a fresh copy, safe to change). */
export function params(): URLSearchParams {
  return new URLSearchParams(loc.search);
}

/** Changes the query string of the current page; `replace` for changes that should not make a history step. */
export function setParams(next: URLSearchParams, replace = false): void {
  const s = next.toString();
  go(loc.path, s ? `?${s}` : '', replace);
}

/** Sets or removes single keys. */
export function patchParams(patch: Record<string, string | null>, replace = false): void {
  const next = params();
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  setParams(next, replace);
}
