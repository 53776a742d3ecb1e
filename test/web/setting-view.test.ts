import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../web/src/lib/formatters.ts';
import { translate } from '../../web/src/lib/i18n/translate.ts';
import { settingAt, settingView } from '../../web/src/lib/setting-view.ts';

const zh = createFormatters('zh', 'Asia/Shanghai');
const tZh = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate('zh', k, p);
const doc = {
  sl_target: 0.8,
  short_abandon_s: 5,
  silence_window: { default: { seconds: 172_800, calendar: '24x7' }, channels: {} },
  sla: { refund: { first_response: { kind: 'none' }, resolution: { kind: 'working_days', days: 3, calendar: 'cn-workdays' } } },
};

describe('policy settings as text', () => {
  it('finds a setting by its dotted path', () => {
    expect(settingAt(doc, 'sla.refund.resolution')).toEqual({ kind: 'working_days', days: 3, calendar: 'cn-workdays' });
    expect(settingAt(doc, 'sla.nothing.here')).toBeUndefined();
  });

  it('reads windows, deadlines, seconds and fractions', () => {
    expect(settingView(doc.silence_window, 'silence_window', zh, tZh)).toEqual({
      entries: [['default', { text: '2天（24x7）' }], ['channels', { text: '（无）' }]],
    });
    expect(settingView(doc.sla.refund, 'refund', zh, tZh)).toEqual({
      entries: [['first_response', { text: '无' }], ['resolution', { text: '3 个工作日（cn-workdays）' }]],
    });
    expect(settingView(5, 'short_abandon_s', zh, tZh)).toEqual({ text: '5秒' });
    expect(settingView(0.8, 'sl_target', zh, tZh)).toEqual({ text: '80%' });
  });
});
