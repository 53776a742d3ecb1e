/**
 * Messages of the complaints page, in both languages (merged into messages-zh.ts and
 * messages-en.ts), so each page's text lives beside the others of its page.
 * Keys start with 'complaints.'; en is typed against zh so a missing translation fails.
 * Source and outcome names are shared dimension values (`source.*`, `outcome.*` in the catalogues).
 */
export const complaintsZh = {
  'complaints.title': '投诉',
  'complaints.kpis': '投诉指标',
  'complaints.stackTitle': '各来源投诉量（按结果）',
  'complaints.stackHint': '每根柱子是一个投诉来源，按投诉结果分段；“处理中”为统计时点尚未结案。点击一段查看该来源、该结果的投诉',
  'complaints.timelyTitle': '各来源投诉及时响应率',
  'complaints.timelyHint': '截止前首次响应的投诉 ÷ 已到期（已过截止或已响应）的投诉；虚线为目标。点击柱子查看该来源的投诉，按及时与否分栏',
  'complaints.noMature': '此范围内没有已到期的投诉',
  'complaints.amountTitle': '各来源投诉涉及金额',
  'complaints.amountHint': '投诉中争议金额的合计（人民币）。点击柱子查看该来源的投诉',
} as const;

export const complaintsEn: Record<keyof typeof complaintsZh, string> = {
  'complaints.title': 'Complaints',
  'complaints.kpis': 'complaint metrics',
  'complaints.stackTitle': 'Complaints by source and outcome',
  'complaints.stackHint': 'One bar per source, in segments by outcome; "Open" complaints were not closed at the time of evaluation. Click a segment for the complaints of that source and outcome',
  'complaints.timelyTitle': 'Timely response by source',
  'complaints.timelyHint': 'Complaints first answered by their deadline ÷ mature complaints (deadline passed or answered); the dashed line is the goal. Click a bar for the source\'s complaints, timely and late in their own tabs',
  'complaints.noMature': 'No mature complaints in this range',
  'complaints.amountTitle': 'Amount at stake by source',
  'complaints.amountHint': 'Sum of the disputed amounts of complaints (CNY). Click a bar for the source\'s complaints',
};
