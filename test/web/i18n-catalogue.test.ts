import { describe, expect, it } from 'vitest';
import { pickLang } from '../../web/src/lib/lang.ts';
import { en } from '../../web/src/lib/i18n/messages-en.ts';
import { zh } from '../../web/src/lib/i18n/messages-zh.ts';
import { messageParams, translate, valueLabel } from '../../web/src/lib/i18n/translate.ts';

describe('message catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty message', () => {
    for (const [lang, cat] of Object.entries({ zh, en })) {
      for (const [key, message] of Object.entries(cat)) expect(message.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('use the same parameters in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(messageParams(en[key]), key).toEqual(messageParams(zh[key]));
    }
  });

  it('translate with parameters', () => {
    expect(translate('zh', 'cases.total', { n: '1,204' })).toBe('共 1,204 条');
    expect(translate('en', 'cases.total', { n: '1,204' })).toBe('1,204 cases');
    expect(translate('en', 'kpi.target', {})).toBe('Target {goal}');
  });

  it('label known dimension values and pass unknown ones through', () => {
    expect(valueLabel('zh', 'channel', 'chat')).toBe('在线客服');
    expect(valueLabel('en', 'priority', 'urgent')).toBe('Urgent');
    expect(valueLabel('en', 'queue', 'recharge')).toBe('recharge');
    expect(valueLabel('zh', 'channel', null)).toBe('（无）');
  });
});

describe('pickLang', () => {
  it('prefers the saved choice, then the browser list, then Chinese', () => {
    expect(pickLang('en', ['zh-CN'])).toBe('en');
    expect(pickLang(null, ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(pickLang(null, ['zh-TW'])).toBe('zh');
    expect(pickLang('xx', ['de'])).toBe('zh');
  });
});
