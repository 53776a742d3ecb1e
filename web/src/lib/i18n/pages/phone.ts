/**
 * Messages of the phone page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'phone.'; en is typed against zh so a missing translation fails.
 */
export const phoneZh = {
} as const;

export const phoneEn: Record<keyof typeof phoneZh, string> = {
};
