/**
 * Messages of the silence page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'silence.'; en is typed against zh so a missing translation fails.
 */
export const silenceZh = {
} as const;

export const silenceEn: Record<keyof typeof silenceZh, string> = {
};
