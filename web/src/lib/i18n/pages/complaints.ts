/**
 * Messages of the complaints page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'complaints.'; en is typed against zh so a missing translation fails.
 */
export const complaintsZh = {
} as const;

export const complaintsEn: Record<keyof typeof complaintsZh, string> = {
};
