import type { Role } from '../../shared/protocol/auth';

/**
 * The Demo Shop's team for shifts, pay and the quota report: pure data that
 * `seed-shifts.ts` turns into six months of clock events, tickets, live
 * sessions and pay. Everyone works from home in Guangxi, Guizhou or Inner
 * Mongolia for the shop's owner in Shanghai. Their hours are their own:
 * short sessions, two halves with a long rest between them, breaks for
 * medication or for a carer, and evenings for the anchors, as home-based
 * workers with disabilities arrange them.
 */

/** The seed's PRNG seed: the same value gives the same six months, relative to the seeding day. */
export const demoShiftsSeed = 20_260_601;

/** How far back the history goes, in days before the seeding day. */
export const demoHistoryDays = 182;

export interface DemoSession {
  /** Minutes after local midnight (Asia/Shanghai). */
  start: number;
  minutes: number;
  /** Minutes after the session's start; the reason is the worker's own, never shown to the employer. */
  breaks: { after: number; minutes: number; reason: 'rest' | 'meal' | 'medical' | 'family' | 'other' }[];
}

export interface DemoWorker {
  /** A username of `demoUsers` (server/demo/data.ts) for the three demo sign-ins, else a new account. */
  username: string;
  displayName: string;
  roles: Role[];
  team: 'service' | 'live';
  /** Where they work from; for the reader of this file, the hub does not store it. */
  home: string;
  /** How long before the seeding day they joined (days). */
  joinedDaysAgo: number;
  /** ISO weekdays they work: 1 Monday … 7 Sunday. */
  weekdays: number[];
  sessions: DemoSession[];
  /** Chance of a day off on a working day (illness, hospital visits, a family matter). */
  absence: number;
  /** Tickets resolved per worked hour (agents); their first replies take this many minutes at most. */
  ticketsPerHour?: number;
  firstReplyMaxMinutes?: number;
  /** Chance a day's events reach the hub only the next morning: a weak mobile signal in the mountains. */
  offlineDays?: number;
}

export const demoTeams = { service: '客服组', live: '直播组' } as const;

export const demoWorkers: DemoWorker[] = [
  {
    // First-level physical disability; works with one switch, so her replies take longer and her day is two halves.
    username: 'agent',
    displayName: '韦秀兰',
    roles: ['agent'],
    team: 'service',
    home: '广西柳州市融安县',
    joinedDaysAgo: 640,
    weekdays: [1, 2, 3, 4, 5],
    sessions: [
      { start: 9 * 60, minutes: 190, breaks: [{ after: 80, minutes: 15, reason: 'medical' }] },
      { start: 14 * 60, minutes: 210, breaks: [{ after: 100, minutes: 10, reason: 'rest' }] },
    ],
    absence: 0.04,
    ticketsPerHour: 3,
    firstReplyMaxMinutes: 12,
  },
  {
    // Deaf; answers chats and messages only (text-only in the ticket routing).
    username: 'huangliping',
    displayName: '黄丽萍',
    roles: ['agent'],
    team: 'service',
    home: '广西南宁市西乡塘区',
    joinedDaysAgo: 683,
    weekdays: [1, 2, 3, 4, 5, 6],
    sessions: [
      {
        start: 9 * 60,
        minutes: 420,
        breaks: [
          { after: 150, minutes: 60, reason: 'meal' },
          { after: 300, minutes: 15, reason: 'rest' },
        ],
      },
    ],
    absence: 0.03,
    ticketsPerHour: 4,
    firstReplyMaxMinutes: 5,
  },
  {
    // A wheelchair user since a mine accident; afternoons, after his morning physiotherapy.
    username: 'yangguangming',
    displayName: '杨光明',
    roles: ['agent'],
    team: 'service',
    home: '贵州黔东南州凯里市',
    joinedDaysAgo: 420,
    weekdays: [1, 2, 3, 4, 5],
    sessions: [{ start: 13 * 60, minutes: 330, breaks: [{ after: 150, minutes: 20, reason: 'rest' }] }],
    absence: 0.04,
    ticketsPerHour: 3.5,
    firstReplyMaxMinutes: 6,
  },
  {
    // Low vision, with a screen reader; mornings only.
    username: 'luoxiaomei',
    displayName: '罗小梅',
    roles: ['agent'],
    team: 'service',
    home: '贵州遵义市汇川区',
    joinedDaysAgo: 300,
    weekdays: [1, 2, 3, 4, 5],
    sessions: [{ start: 8 * 60 + 30, minutes: 240, breaks: [{ after: 120, minutes: 15, reason: 'rest' }] }],
    absence: 0.04,
    ticketsPerHour: 3,
    firstReplyMaxMinutes: 8,
  },
  {
    // Evenings, when the live sessions bring questions; his village's signal drops, his workstation keeps working.
    username: 'lanhaibo',
    displayName: '蓝海波',
    roles: ['agent'],
    team: 'service',
    home: '广西百色市凌云县',
    joinedDaysAgo: 365,
    weekdays: [2, 3, 4, 5, 6, 7],
    sessions: [{ start: 19 * 60, minutes: 210, breaks: [{ after: 100, minutes: 15, reason: 'rest' }] }],
    absence: 0.05,
    ticketsPerHour: 4,
    firstReplyMaxMinutes: 5,
    offlineDays: 0.08,
  },
  {
    // Three days a week, around dialysis.
    username: 'panchunyan',
    displayName: '潘春燕',
    roles: ['agent'],
    team: 'service',
    home: '广西桂林市三江侗族自治县',
    joinedDaysAgo: 250,
    weekdays: [1, 3, 5],
    sessions: [{ start: 10 * 60, minutes: 300, breaks: [{ after: 120, minutes: 45, reason: 'medical' }] }],
    absence: 0.06,
    ticketsPerHour: 3,
    firstReplyMaxMinutes: 7,
  },
  {
    // In Inner Mongolia, where the programme placed her; weekends are the shop's busiest days.
    username: 'luwenjing',
    displayName: '陆文静',
    roles: ['agent'],
    team: 'service',
    home: '内蒙古赤峰市松山区',
    joinedDaysAgo: 200,
    weekdays: [4, 5, 6, 7],
    sessions: [
      { start: 10 * 60, minutes: 180, breaks: [{ after: 90, minutes: 10, reason: 'rest' }] },
      { start: 15 * 60, minutes: 180, breaks: [{ after: 90, minutes: 10, reason: 'family' }] },
    ],
    absence: 0.04,
    ticketsPerHour: 3.5,
    firstReplyMaxMinutes: 6,
  },
  {
    // Cannot speak; sells through the teleprompter's voice from her family's kumquat farm, in the evening.
    username: 'anchor',
    displayName: '覃金凤',
    roles: ['anchor'],
    team: 'live',
    home: '广西柳州市融安县',
    joinedDaysAgo: 540,
    weekdays: [1, 3, 5, 6],
    sessions: [{ start: 19 * 60, minutes: 190, breaks: [{ after: 150, minutes: 10, reason: 'rest' }] }],
    absence: 0.03,
  },
  {
    // Dong embroidery and stone paintings from Sanjiang, in the afternoon.
    username: 'wuqiuyue',
    displayName: '吴秋月',
    roles: ['anchor'],
    team: 'live',
    home: '广西柳州市三江侗族自治县',
    joinedDaysAgo: 330,
    weekdays: [2, 4, 6],
    sessions: [{ start: 14 * 60 + 30, minutes: 180, breaks: [{ after: 130, minutes: 10, reason: 'rest' }] }],
    absence: 0.05,
  },
];

/** An anchor's broadcast inside her session: it starts `lead` minutes in and runs `minutes`. */
export const demoBroadcastPlan: Record<
  string,
  { slug: string; lead: number; minutes: number; titles: string[]; skus: string[]; ordersPerHour: number }
> = {
  anchor: {
    slug: 'jinfeng-kumquats',
    lead: 30,
    minutes: 120,
    titles: ['融安金桔现摘现发', '金凤果园直播', '秋月梨和金桔专场', '螺蛳粉宵夜场', '果园周末福利'],
    skus: ['KQ-2500', 'KQ-2500', 'KQ-2500', 'PR-5000', 'LSF-5', 'LSF-5'],
    ordersPerHour: 18,
  },
  wuqiuyue: {
    slug: 'qiuyue-dong-crafts',
    lead: 20,
    minutes: 100,
    titles: ['侗族刺绣手工坊', '三江侗绣与桂林石画', '秋月的手作小店', '石画一块一块看'],
    skus: ['DONG-EMB', 'DONG-EMB', 'DONG-EMB', 'GSP-A4', 'LSF-5'],
    ordersPerHour: 7,
  },
};

/** Pay rules in fen (and basis points for commission): the shop's own, and its change three months ago. */
export const demoPayRules = {
  first: {
    hourlyFen: 2000,
    perTicketFen: 150,
    csatBonusFen: 100,
    csatMinScore: 4,
    liveHourFen: 3000,
    commissionBp: 500,
  },
  /** Raised after the summer: more per hour and per ticket. */
  raised: {
    hourlyFen: 2200,
    perTicketFen: 180,
    csatBonusFen: 100,
    csatMinScore: 4,
    liveHourFen: 3200,
    commissionBp: 500,
  },
  /** 覃金凤's own: her room sells the most, so a higher commission. */
  anchorOverride: {
    hourlyFen: 2000,
    perTicketFen: 0,
    csatBonusFen: 0,
    csatMinScore: 5,
    liveHourFen: 3500,
    commissionBp: 800,
  },
} as const;

/**
 * The two workers recorded as disabled for the quota report. Certificate
 * numbers are the 18-digit ID (fictional, with a valid check digit) and the
 * two digits of the 第二代残疾人证: the kind (4 physical, 2 hearing) and the
 * grade. 黄丽萍's contract ends soon after the seeding day: the report's one
 * warning, the renewal an employer must not forget.
 */
export const demoDisability = [
  {
    username: 'agent',
    grade: 1,
    kind: 'physical',
    idPrefix: '45022419900314123',
    /** Contract: started this many days before the seeding day; null end: open-ended (无固定期限). */
    contractStartDaysAgo: 640,
    contractEndDaysAhead: null,
    monthlyWageFen: 340_000,
  },
  {
    username: 'huangliping',
    grade: 3,
    kind: 'hearing',
    idPrefix: '45010719950822262',
    contractStartDaysAgo: 683,
    contractEndDaysAhead: 47,
    monthlyWageFen: 430_000,
  },
] as const;

export const demoTimesheetReturn =
  '周三那天的下班卡是晚上 11 点多才打的，是不是忘了打卡？请核对一下实际下班时间，改好后我再审批。';

/** Customers of the six months of resolved tickets: names are made from these. */
export const demoSurnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '梁',
  '郑',
  '谢',
  '宋',
  '唐',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
];
export const demoGivenNames = [
  '芳',
  '伟',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓燕',
  '志强',
  '海燕',
  '丹',
  '玉兰',
  '文',
  '慧',
];
export const demoCities = [
  '上海',
  '北京',
  '广州',
  '深圳',
  '杭州',
  '南京',
  '苏州',
  '成都',
  '武汉',
  '西安',
  '长沙',
  '南宁',
  '柳州',
  '桂林',
  '重庆',
  '天津',
  '厦门',
  '青岛',
  '郑州',
  '合肥',
  '昆明',
  '贵阳',
  '呼和浩特',
  '济南',
];
export const demoEnglishCustomers = [
  'Olivia Brown',
  'Noah Wilson',
  'Mia Schneider',
  'Kenji Watanabe',
  'Priya Nair',
  'Lena Fischer',
  'James Miller',
  'Chloe Dubois',
  'Mateo García',
  'Hannah Lee',
];

/** What the six months of resolved tickets were about: subject, the customer's words, the agent's answer. */
export interface DemoTopic {
  subject: string;
  tags: string[];
  customer: string;
  reply: string;
}

export const demoTopicsZh: DemoTopic[] = [
  {
    subject: '快递到哪里了',
    tags: ['物流'],
    customer: '你好，我前天下的单，怎么物流还没更新？',
    reply: '您好，已经帮您查了，包裹昨晚到了转运中心，预计明天送到，请留意快递员电话。',
  },
  {
    subject: '金桔有压坏的',
    tags: ['售后', '坏果'],
    customer: '收到的金桔有几个压坏了，汁都流出来了。',
    reply: '非常抱歉！麻烦您拍张照片发给我，坏几个我们赔几个，今天就给您安排补发。',
  },
  {
    subject: '申请退款',
    tags: ['退款'],
    customer: '我不想要了，还没发货的话可以退款吗？',
    reply: '可以的，您的订单还没有发出，我已经为您提交退款，原路退回，一到三个工作日到账。',
  },
  {
    subject: '开发票',
    tags: ['发票'],
    customer: '公司采购的，需要开增值税普通发票，怎么弄？',
    reply: '您好，请把公司抬头和税号发给我，电子发票会在三个工作日内发到您的邮箱。',
  },
  {
    subject: '螺蛳粉保质期',
    tags: ['商品咨询'],
    customer: '螺蛳粉能放多久？想多买几袋囤着。',
    reply: '常温保存六个月，生产日期印在袋子背面。建议放在阴凉干燥的地方。',
  },
  {
    subject: '秋月梨怎么保存',
    tags: ['商品咨询'],
    customer: '梨收到了，放冰箱还是常温好？',
    reply: '常温可以放一周左右，冷藏能放半个月，吃之前拿出来放一会儿口感更好。',
  },
  {
    subject: '修改收货地址',
    tags: ['订单'],
    customer: '地址填错了，能帮我改一下吗？',
    reply: '好的，请把新的地址和电话发给我。订单还没发货，我这就帮您改。',
  },
  {
    subject: '石画有没有别的尺寸',
    tags: ['商品咨询'],
    customer: '桂林石画有没有大一点的？想挂客厅。',
    reply: '目前只有 A4 大小，每块都是独一无二的。大尺寸可以定制，我把您的需求转给店长。',
  },
  {
    subject: '刺绣包可以送人吗',
    tags: ['商品咨询'],
    customer: '侗族刺绣包想送朋友，有礼盒包装吗？',
    reply: '有的，下单时备注“礼盒”就行，我们免费包装，还会附一张手写卡片。',
  },
  {
    subject: '少发了一件',
    tags: ['售后'],
    customer: '我买了两盒，只收到一盒。',
    reply: '抱歉给您添麻烦了，查到是分两个包裹发的，另一个明天到。如果明天没到请再联系我。',
  },
];

export const demoTopicsEn: DemoTopic[] = [
  {
    subject: 'Where is my parcel?',
    tags: ['物流'],
    customer: 'Hi, my order has not moved for two days. Any news?',
    reply: 'Hello! Your parcel reached the sorting centre last night and should arrive tomorrow.',
  },
  {
    subject: 'Damaged kumquats',
    tags: ['售后', '坏果'],
    customer: 'A few kumquats in my box were crushed.',
    reply: 'So sorry! Please send a photo and we will ship replacements today.',
  },
  {
    subject: 'Invoice please',
    tags: ['发票'],
    customer: 'Could I get an invoice for my order?',
    reply:
      'Of course. Please send the company name and tax number; the e-invoice arrives within three working days.',
  },
  {
    subject: 'Shelf life of the snail noodles',
    tags: ['商品咨询'],
    customer: 'How long do the snail noodles keep?',
    reply: 'Six months at room temperature; the date is printed on the back of each pack.',
  },
];

/** What customers wrote with their ratings, now and then. */
export const demoCsatComments: Record<number, string[]> = {
  5: ['回复很快，很耐心，谢谢！', '处理得很好，下次还来买。', 'Very helpful, thank you!'],
  4: ['挺好的，就是等了一会儿。', '问题解决了。'],
  3: ['还行吧。'],
  2: ['补发太慢了。'],
  1: ['不满意，物流太慢。'],
};

/** Live viewers' nicknames are made from these. */
export const demoNicknames = [
  '果果',
  '阿梨',
  '南宁小王',
  '爱吃金桔',
  '柳州妹',
  '螺蛳粉爱好者',
  '山里人',
  '侗家阿妹',
  '桂林游客',
  '上海阿姨',
  '小张',
  '老李',
  '快乐每一天',
  '甜甜',
  '向日葵',
  '小鱼',
];
