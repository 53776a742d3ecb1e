/**
 * Messages of the sla page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'sla.'; en is typed against zh so a missing translation fails.
 */
export const slaZh = {
  'sla.title': 'SLA 达成',
  'sla.kpis': 'SLA 指标',
  'sla.matrixTitle': '渠道 × 优先级',
  'sla.matrixHint': '每格是所选日期范围内该渠道、该优先级工单的达成率（达标 ÷ 已判定），颜色对照目标 {goal}；点击一格查看这些工单',
  'sla.matrixHintNoGoal': '每格是所选日期范围内该渠道、该优先级工单的达成率（达标 ÷ 已判定）；点击一格查看这些工单',
  'sla.noTickets': '此范围内没有已判定或进行中的工单',
  'sla.blocked': '当前筛选（{dims}）不适用于{metric}，请清除后查看',
  'sla.breaches': '违约清单',
  'sla.breachesHint': '已超时的：在时限后才完成，或到统计时点仍未完成且已超过时限。由新到旧，点击一行查看该联系的时间线',
  'sla.breachMetric': '指标',
  'sla.breachTotal': '共 {n} 条违约',
  'sla.noBreaches': '此范围内没有违约',
  'sla.overdue': '超时',
  'sla.stillRunning': '仍未完成',
} as const;

export const slaEn: Record<keyof typeof slaZh, string> = {
  'sla.title': 'SLA attainment',
  'sla.kpis': 'SLA metrics',
  'sla.matrixTitle': 'Channel × priority',
  'sla.matrixHint': 'Each cell is the attainment (achieved ÷ decided) of that channel and priority over the selected dates, coloured against the goal of {goal}; click a cell for its tickets',
  'sla.matrixHintNoGoal': 'Each cell is the attainment (achieved ÷ decided) of that channel and priority over the selected dates; click a cell for its tickets',
  'sla.noTickets': 'No decided or running tickets in this range',
  'sla.blocked': 'The filter ({dims}) does not apply to {metric}; clear it to see this',
  'sla.breaches': 'Breaches',
  'sla.breachesHint': 'Targets missed: stopped after the deadline, or still running past it at the time of evaluation. Newest first; click a row for the contact\'s timeline',
  'sla.breachMetric': 'Metric',
  'sla.breachTotal': 'Breaches: {n}',
  'sla.noBreaches': 'No breaches in this range',
  'sla.overdue': 'Late by',
  'sla.stillRunning': 'still running',
};
