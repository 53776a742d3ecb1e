// Complaint sources and outcomes read by name in both languages (the shared
// `source.*` and `outcome.*` catalogue keys), wherever a code is shown: chart
// categories, drawer scopes, case fields.
import { describe, expect, it } from 'vitest';
import { OUTCOMES, SOURCES } from '../../web/src/lib/complaints/outcome-stack.ts';
import { detailText } from '../../web/src/lib/detail-text.ts';
import { createFormatters } from '../../web/src/lib/formatters.ts';
import { valueLabel } from '../../web/src/lib/i18n/translate.ts';

describe('complaint source and outcome labels', () => {
  it('name every source and outcome in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const s of SOURCES) expect(valueLabel(lang, 'source', s), `${lang} source ${s}`).not.toBe(s);
      for (const o of OUTCOMES) expect(valueLabel(lang, 'outcome', o), `${lang} outcome ${o}`).not.toBe(o);
    }
  });

  it('say what the brief names them', () => {
    expect(valueLabel('zh', 'source', '12315')).toBe('全国12315平台');
    expect(valueLabel('en', 'source', '12315')).toBe('National 12315 platform');
    expect(valueLabel('zh', 'source', 'blackcat')).toBe('黑猫投诉');
    expect(valueLabel('zh', 'source', 'cyberspace')).toBe('网信办');
    expect(valueLabel('zh', 'outcome', 'open')).toBe('处理中');
    expect(valueLabel('zh', 'outcome', 'withdrawn')).toBe('已撤诉');
    expect(valueLabel('en', 'outcome', 'mediated')).toBe('Mediated');
  });

  it('label a case\'s source and outcome fields; other outcome codes (a call\'s) pass through', () => {
    const f = createFormatters('zh', 'Asia/Shanghai');
    const label = (dim: string, v: string | null) => valueLabel('zh', dim, v);
    expect(detailText('source', '12315', f, label)).toBe('全国12315平台');
    expect(detailText('outcome', 'refunded', f, label)).toBe('已退款');
    expect(detailText('outcome', 'abandoned', f, label)).toBe('abandoned');
  });
});
