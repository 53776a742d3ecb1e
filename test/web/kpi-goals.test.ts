import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../web/src/lib/api-types.ts';
import { changeTone, directionOf, goalFor, goalParts, meetsGoal } from '../../web/src/lib/kpi-goals.ts';

const doc = { sl_target: 0.8, kpi_goals: { silence_rate: { at_most: 0.05 }, fcr: { at_least: 0.7 } } } as PolicyDocument;

describe('KPI goals', () => {
  it('reads goals from the policy, service level from sl_target', () => {
    expect(goalFor('silence_rate', doc)).toEqual({ at_most: 0.05 });
    expect(goalFor('service_level', doc)).toEqual({ at_least: 0.8 });
    expect(goalFor('complaints', doc)).toBeNull();
    expect(goalFor('fcr', null)).toBeNull();
  });

  it('judges a value against its goal', () => {
    expect(meetsGoal(0.04, { at_most: 0.05 })).toBe(true);
    expect(meetsGoal(0.05, { at_most: 0.05 })).toBe(true);
    expect(meetsGoal(0.69, { at_least: 0.7 })).toBe(false);
    expect(meetsGoal(null, { at_least: 0.7 })).toBeNull();
    expect(goalParts({ at_least: 0.7 })).toEqual({ sign: '≥', value: 0.7 });
  });

  it('colours a change by the metric\'s better direction', () => {
    expect(directionOf('silence_rate', { at_most: 0.05 })).toBe('lower');
    expect(directionOf('complaints', null)).toBe('lower');
    expect(directionOf('callback_kept', null)).toBe('higher');
    expect(changeTone(0.1, 0.12, 'lower')).toBe('good');
    expect(changeTone(0.1, 0.12, 'higher')).toBe('bad');
    expect(changeTone(3, 3, 'higher')).toBe('flat');
    expect(changeTone(3, null, 'higher')).toBeNull();
  });
});
