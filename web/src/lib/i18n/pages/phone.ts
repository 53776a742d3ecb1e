/**
 * Messages of the phone page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'phone.'; en is typed against zh so a missing translation fails.
 */
export const phoneZh = {
  'phone.title': '电话',
  'phone.kpis': '电话指标',
  'phone.byHourOfWeek': '{metric} · 周内时段',
  'phone.heatHint': '每格是所选日期范围内该时段（平台时区）的合计；点击一格查看该时段的明细',
  'phone.waitTitle': '排队等待时长分布',
  'phone.waitOffered': '全部进线',
  'phone.waitAnswered': '仅已接通',
  'phone.waitHintOffered': '进线来电按排队等待时长（秒）分组：接通、挂断、超时或选择回拨前等了多久。统计时点仍在排队的来电还没有区间，不在图中。点击柱子查看该区间的来电',
  'phone.waitHintAnswered': '已接通来电按接通前的等待时长（秒）分组，对照接通目标 {target}。点击柱子查看该区间的来电',
  'phone.stillWaiting': '另有 {n} 通仍在排队、尚无区间',
  'phone.band': '{lo}–{hi}秒',
  'phone.bandOver': '{lo}秒以上',
  'phone.queueTitle': '各队列服务水平',
  'phone.queueHint': '服务水平 = {target}内接通 ÷ 进线；虚线为目标。按进线量排序，点击柱子查看该队列的明细',
  'phone.callbackTitle': '回拨',
  'phone.callbackHint': '回拨履约率与应回拨未登记率随时间变化；点击一个点查看该时段的明细',
  'phone.noQueues': '此范围内没有进线来电',
} as const;

export const phoneEn: Record<keyof typeof phoneZh, string> = {
  'phone.title': 'Phone',
  'phone.kpis': 'phone metrics',
  'phone.byHourOfWeek': '{metric} by hour of week',
  'phone.heatHint': 'Each cell sums the selected dates for that hour (platform time zone); click a cell for its cases',
  'phone.waitTitle': 'Queue wait distribution',
  'phone.waitOffered': 'All offered',
  'phone.waitAnswered': 'Answered only',
  'phone.waitHintOffered': 'Offered calls by how long they waited in the queue (seconds) before being answered, hanging up, timing out or choosing a callback. A call still waiting at the time of evaluation has no band yet and is not shown. Click a bar for its calls',
  'phone.waitHintAnswered': 'Answered calls by their wait before answer (seconds), against the answer target of {target}. Click a bar for its calls',
  'phone.stillWaiting': '{n} more still waiting, without a band yet',
  'phone.band': '{lo}–{hi} s',
  'phone.bandOver': '{lo} s+',
  'phone.queueTitle': 'Service level by queue',
  'phone.queueHint': 'Service level = answered within {target} ÷ offered; the dashed line is the goal. Busiest queue first; click a bar for its cases',
  'phone.callbackTitle': 'Callbacks',
  'phone.callbackHint': 'Callbacks kept and missed callback obligations over time; click a point for the cases of that period',
  'phone.noQueues': 'No offered calls in this range',
};
