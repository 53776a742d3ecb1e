/**
 * Messages of the sla page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'sla.'; en is typed against zh so a missing translation fails.
 */
export const slaZh = {
} as const;

export const slaEn: Record<keyof typeof slaZh, string> = {
};
