/**
 * The pages and their paths. Each page is its own chunk, fetched when first
 * shown (vite splits on dynamic import), so the first screen loads only the
 * shell and the page it shows.
 */
import type { Component } from 'svelte';

export const PAGE_IDS = ['overview', 'trends', 'phone', 'sla', 'silence', 'complaints', 'settings', 'etl'] as const;
export type PageId = (typeof PAGE_IDS)[number];

type Loader = () => Promise<{ default: Component }>;

export const PAGES: Record<PageId, { path: string; load: Loader }> = {
  overview: { path: '/', load: () => import('./pages/OverviewPage.svelte') },
  trends: { path: '/trends', load: () => import('./pages/TrendsPage.svelte') },
  phone: { path: '/phone', load: () => import('./pages/PhonePage.svelte') },
  sla: { path: '/sla', load: () => import('./pages/SlaPage.svelte') },
  silence: { path: '/silence', load: () => import('./pages/SilencePage.svelte') },
  complaints: { path: '/complaints', load: () => import('./pages/ComplaintsPage.svelte') },
  settings: { path: '/settings', load: () => import('./pages/SettingsPage.svelte') },
  etl: { path: '/etl', load: () => import('./pages/EtlPage.svelte') },
};

/** The page at a path; unknown paths show the overview (a mistyped link still lands somewhere useful). */
export function pageAt(path: string): PageId {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGE_IDS.find((id) => PAGES[id].path === clean) ?? 'overview';
}
