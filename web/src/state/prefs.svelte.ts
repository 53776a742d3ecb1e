/**
 * The viewer's own choices, kept in localStorage: language (first from the
 * browser's preference list) and light/dark theme (first from the system
 * setting). The <html> element carries both, so CSS variables and screen
 * readers follow.
 */
import { isLang, pickLang, type Lang } from '../lib/lang.ts';

export type Theme = 'light' | 'dark';

const LANG_KEY = 'support-radar.lang';
const THEME_KEY = 'support-radar.theme';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be switched off (private mode, policies); the choice then lasts the visit.
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // See stored().
  }
}

function initialTheme(): Theme {
  const saved = stored(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const prefs = $state<{ lang: Lang; theme: Theme }>({
  lang: pickLang(stored(LANG_KEY), navigator.languages?.length ? navigator.languages : [navigator.language]),
  theme: initialTheme(),
});

function apply(): void {
  document.documentElement.lang = prefs.lang === 'zh' ? 'zh-CN' : 'en';
  document.documentElement.dataset.theme = prefs.theme;
}
apply();

export function setLang(lang: Lang): void {
  if (!isLang(lang)) return;
  prefs.lang = lang;
  store(LANG_KEY, lang);
  apply();
}

export function toggleTheme(): void {
  prefs.theme = prefs.theme === 'dark' ? 'light' : 'dark';
  store(THEME_KEY, prefs.theme);
  apply();
}
