// Short complaint texts as complainants write them on 12315 or 黑猫投诉. They
// go into the non-canonical `summary` column; all characters are in GBK, and a
// few texts carry ASCII commas, quotes and line breaks to exercise CSV quoting.
import type { Issue, Queue } from './customers.js';
import type { Rng } from './prng.js';

type Text = (i: Issue, amount: string, rng: Rng) => string;

const BY_QUEUE: Record<Queue, Text[]> = {
  recharge: [
    (i, a, r) => `${i.game}充值${a}元，${r.int(3, 72)}小时未到账，客服一直不回复`,
    (i, a) => `在平台给${i.game}充值${a}元未到账，电话打不通，在线客服只有机器人回复`,
    (i) => `活动期间充值${i.game}不到账，客服说已转交技术部门处理，之后再无下文`,
    (i, a) => `${i.game}点券充值${a}元显示成功但游戏内未到账，要求退款`,
  ],
  orders: [
    (i) => `购买的${i.game}卡密无效，提示已被使用，要求退款`,
    (_i, a) => `订单显示已发货但一直没收到卡密，金额${a}元，客服电话永远占线`,
    (i, a) => `${i.game}代充订单${a}元卡在处理中三天，无人处理`,
  ],
  security: [
    (_i, a) => `账号被盗，余额${a}元被转走，客服至今未处理`,
    (i) => `${i.game}账号被找回，装备全部丢失，平台客服不回复`,
    () => `账号异地登录被冻结，申诉提交后无人处理`,
  ],
  disputes: [
    (_i, a, r) => `申请退款${a}元超过${r.int(7, 20)}个工作日仍未到账`,
    (_i, a) => `重复扣款${a}元，商家拒绝退款`,
    (i, a) => `${i.game}充值失败已扣款${a}元，退款承诺三天到账至今未到`,
  ],
};

// After silence people mostly complain about not being heard at all.
const UNHEARD: Text[] = [
  (i, _a, r) => `${i.game}充值问题打了${r.int(3, 12)}次客服电话都无法接通`,
  () => '在线客服只有机器人回复，转人工一直排队，没人处理',
  (_i, a, r) => `工单提交${r.int(3, 9)}天无人回复，涉及金额${a}元`,
];

// Excel exports keep what people typed: ASCII punctuation and line breaks included.
const AWKWARD: Text[] = [
  () => '客服说"请耐心等待",然后就没人管了',
  () => '第一次联系：电话无人接听\n第二次联系：在线客服机器人循环回复',
  (_i, a) => `金额${a}元, 订单号见附件, 要求"假一赔三"`,
];

export function complaintSummary(issue: Issue, amount: string, silentBefore: boolean, rng: Rng): string {
  const r = rng.next();
  const pool = r < 0.08 ? AWKWARD : silentBefore && r < 0.5 ? UNHEARD : BY_QUEUE[issue.queue];
  return rng.pick(pool)(issue, amount, rng);
}
