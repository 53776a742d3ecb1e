/**
 * The two languages of the dashboard and how the first one is chosen: the saved
 * choice, else the browser's preference list, else Chinese (the platform's users
 * are mostly Chinese-speaking).
 */

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 tags handed to Intl; en-US for month names and digit grouping everyone reads. */
export const INTL_LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

export function isLang(s: unknown): s is Lang {
  return s === 'zh' || s === 'en';
}

/**
 * @example pickLang(null, ['en-GB', 'zh-CN']) // 'en'
 * @example pickLang('zh', ['en-US']) // 'zh'
 */
export function pickLang(saved: string | null, preferred: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'zh';
}
