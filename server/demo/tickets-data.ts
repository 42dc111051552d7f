import type { TicketPriority } from '../../shared/domain/tickets/ticket-status';

/**
 * The Demo Shop's customer conversations: about 40, three in four in
 * Chinese, across every status, so a new user sees a working queue. Pure
 * data: `seed-tickets.ts` replays each conversation through the ticket
 * state machine and writes what the hub would have written.
 *
 * Times are minutes, counted from when the customer opened the ticket, and
 * the ticket's opening is counted back from the moment of seeding, so the
 * demo always looks like the last few days. The active tickets are recent
 * on purpose: the queue shows SLA timers at every phase (one first response
 * breached, several warnings) and nothing else is overdue.
 *
 * Bodies may use the canned-reply variables {customer.name}, {order.id} and
 * {agent.name}: order numbers are made from the order's date when seeded.
 */

/** Usernames of `demoUsers`: the agent does the work, the employer supervises. */
export type DemoStaff = 'agent' | 'employer';

export type DemoStep =
  | { kind: 'customer'; after: number; body: string }
  | { kind: 'reply'; after: number; body: string; by: DemoStaff }
  | { kind: 'note'; after: number; body: string; by: DemoStaff }
  /** To the demo agent; `by` null: the hub's auto-assignment. */
  | { kind: 'assign'; after: number; by: DemoStaff | null }
  | { kind: 'pending'; after: number; by: DemoStaff }
  /** Until 09:00 China time tomorrow (counted from the seeding), when the agent promised to look again. */
  | { kind: 'snooze'; after: number; by: DemoStaff }
  | { kind: 'resolve'; after: number; by: DemoStaff }
  | { kind: 'rate'; after: number; score: 1 | 2 | 3 | 4 | 5; comment: string | null };

export interface DemoTicket {
  /** A name in `demoCustomers`. */
  customer: string;
  /** Index into `demoOrders`: one of that customer's orders. */
  order?: number;
  /** What the customer typed when it matched no order (`tickets.order_ref`). */
  orderRef?: string;
  subject: string;
  priority: TicketPriority;
  tags: string[];
  openedMinutesAgo: number;
  /** The first is the customer's opening message at minute 0. */
  steps: DemoStep[];
}

const hour = 60;
const day = 24 * hour;

const customer = (after: number, body: string): DemoStep => ({ kind: 'customer', after, body });
const reply = (after: number, body: string, by: DemoStaff = 'agent'): DemoStep => ({
  kind: 'reply',
  after,
  body,
  by,
});
const note = (after: number, body: string, by: DemoStaff = 'agent'): DemoStep => ({
  kind: 'note',
  after,
  body,
  by,
});
const assign = (after: number, by: DemoStaff | null = null): DemoStep => ({ kind: 'assign', after, by });
const pending = (after: number): DemoStep => ({ kind: 'pending', after, by: 'agent' });
const snooze = (after: number): DemoStep => ({ kind: 'snooze', after, by: 'agent' });
const resolve = (after: number): DemoStep => ({ kind: 'resolve', after, by: 'agent' });
const rate = (after: number, score: 1 | 2 | 3 | 4 | 5, comment: string | null = null): DemoStep => ({
  kind: 'rate',
  after,
  score,
  comment,
});

export const demoTickets: DemoTicket[] = [
  // ── New, in the queue: they came after the agent signed off (about 3 h 20 min ago), so nobody has them. ──
  {
    // Urgent, first response due 15 minutes after opening: breached.
    customer: '黄晓燕',
    order: 5,
    subject: '金桔收到压坏了好多',
    priority: 'urgent',
    tags: ['破损', '物流', '金桔'],
    openedMinutesAgo: 28,
    steps: [
      customer(
        0,
        '你好，我刚收到金桔，箱子都压扁了，里面好多金桔压烂了流汁，五箱有两箱都这样。这是买来过年送亲戚的，怎么办？',
      ),
      customer(7, '快递是今天中午送到的，签收的时候没注意看，打开才发现箱子底下全湿了。订单号 {order.id}。'),
    ],
  },
  {
    // High, due at one hour: in its warning.
    customer: '李建国',
    order: 27,
    subject: '金桔有几个发霉，申请退款',
    priority: 'high',
    tags: ['退款', '金桔'],
    openedMinutesAgo: 50,
    steps: [
      customer(0, '在吗？前天买的两箱金桔，今天打开发现有七八个长白毛了，还有一股酒味。这种能退款吗？'),
    ],
  },
  {
    // Normal, due at four hours: in its warning.
    customer: '刘洋',
    order: 4,
    subject: '快递三天没更新',
    priority: 'normal',
    tags: ['物流'],
    openedMinutesAgo: 3 * hour + 15,
    steps: [
      customer(0, '你好，我买的侗族绣花包物流三天都没更新了，一直显示在怀化中转站，是不是丢件了？'),
      customer(6, '订单号是 {order.id}，麻烦帮我查一下，下周要带去送朋友的。'),
    ],
  },
  {
    customer: '赵志强',
    order: 6,
    subject: '补开电子发票',
    priority: 'low',
    tags: ['发票'],
    openedMinutesAgo: 40,
    steps: [
      customer(
        0,
        '你好，上周买的螺蛳粉，想补开一张电子发票，抬头是个人，发到我邮箱 zzq1988@example.com 可以吗？',
      ),
    ],
  },
  {
    customer: 'Sophie Martin',
    order: 20,
    subject: 'Deliver to my office instead?',
    priority: 'normal',
    tags: ['delivery'],
    openedMinutesAgo: 12,
    steps: [
      customer(
        0,
        "Hi, my kumquats (order {order.id}) are on the way but I won't be home tomorrow. Could the courier deliver to my office instead? It's 1000 Lujiazui Ring Road, 12th floor, Pudong.",
      ),
    ],
  },

  // ── Open, with the agent. ──
  {
    // Urgent, answered in time; the resolution clock (four hours) is in its warning.
    customer: '张敏',
    order: 25,
    subject: '秋月梨磕坏了，想补发',
    priority: 'urgent',
    tags: ['破损', '秋月梨'],
    openedMinutesAgo: 3 * hour + 50,
    steps: [
      customer(0, '你们的秋月梨怎么回事？两箱里有五六个都磕坏了，有的已经发黑了，我是准备送给老人的。'),
      assign(1),
      reply(
        6,
        '{customer.name}您好，我是客服秀兰，非常抱歉让您收到磕坏的梨。麻烦您数一下坏了几个，我马上为您登记补发或者按坏果退款，您看哪种更方便？',
      ),
      customer(20, '我数了一下一共坏了6个。我想补发，老人这周末过生日。'),
      note(24, '已和仓库确认今天可以发顺丰，补发一整箱（5 公斤）。等仓库回单号再告诉顾客。'),
      reply(
        28,
        '好的，已经为您登记补发一整箱秋月梨，今天安排顺丰发出，一般明后天到，保证周末前送到。坏的梨不用寄回，单号出来我第一时间发给您。',
      ),
      customer(195, '单号还没出来吗？'),
    ],
  },
  {
    customer: '王丽娟',
    order: 26,
    subject: '螺蛳粉汤料包漏了',
    priority: 'high',
    tags: ['破损', '螺蛳粉'],
    openedMinutesAgo: 5 * hour,
    steps: [
      customer(0, '你好，我收到的螺蛳粉有一包汤料包破了，整袋都是油，其他几包也沾上了，味道很大。'),
      assign(2),
      reply(
        9,
        '{customer.name}您好，真的很抱歉给您添麻烦了！汤料包漏了那包确实没法吃了。给您两个方案：一是补发两包螺蛳粉，二是按破损的数量退款，您选哪个都可以。',
      ),
      customer(20, '补发吧。顺便问一下，没漏的那几包擦干净还能吃吗？'),
      reply(
        26,
        '可以的，只要里面的粉包和料包都没有破，把外袋擦干净就能放心吃。补发的两包今天下午发出，单号出来后发给您。',
      ),
      note(30, '这批汤料包破损已经是第三单了，我下午联系柳州工厂换加厚包装。补发走顺丰。', 'employer'),
    ],
  },
  {
    customer: 'Emily Carter',
    order: 3,
    subject: 'Cracked frame on the stone painting',
    priority: 'normal',
    tags: ['damaged', 'stone-painting'],
    openedMinutesAgo: 6 * hour,
    steps: [
      customer(
        0,
        'Hello, I bought a Guilin stone painting as a gift and only unpacked it today. The wooden frame has a crack along the bottom corner. The stone itself looks fine.',
      ),
      assign(1),
      reply(
        10,
        "Hi {customer.name}, I'm so sorry the frame arrived cracked. Every stone painting is one of a kind, so we can't swap the painting itself, but we can send you a new frame with fitting instructions, or refund 60 yuan for the frame. Which would you prefer?",
      ),
      customer(30, "A new frame would be great, it's a birthday present."),
      reply(
        38,
        "Thank you! I've asked our workshop in Guilin to ship a new A4 frame today; it takes about three days to Shenzhen. I'll send you the tracking number as soon as I have it.",
      ),
    ],
  },
  {
    customer: '吴婷婷',
    order: 14,
    subject: '螺蛳粉保质期多久',
    priority: 'normal',
    tags: ['保质期', '螺蛳粉'],
    openedMinutesAgo: 5 * hour,
    steps: [
      customer(0, '请问螺蛳粉保质期多久？我一次买了四袋，怕吃不完。'),
      assign(1),
      reply(
        7,
        '{customer.name}您好！我们的柳州螺蛳粉常温保质期是6个月，生产日期印在外袋背面。放在阴凉干燥的地方就可以，不用冷藏。',
      ),
      customer(4 * hour + 20, '好的谢谢，今天刚吃了一袋。那里面的酸笋包开了以后要放冰箱吗？'),
    ],
  },
  {
    customer: '周建华',
    order: 13,
    subject: '还没发货，想改收货地址',
    priority: 'normal',
    tags: ['物流', '改地址'],
    openedMinutesAgo: 4 * hour + 50,
    steps: [
      customer(0, '你好，我昨天下的单还没发货，想把收货地址从武汉改到孝感我爸妈家，可以吗？'),
      assign(1),
      reply(10, '{customer.name}您好，订单还没有出库，可以改的。麻烦您把新的收货人、电话和详细地址发给我。'),
      customer(20, '收货人周德明，电话 133 0712 0000，湖北省孝感市孝南区槐荫大道88号。'),
      note(24, '后台已改地址，仓库备注：三箱金桔改发孝感。'),
      reply(
        26,
        '已经帮您改好了：周德明，133 0712 0000，孝感市孝南区槐荫大道88号。金桔是发货前一天现摘的，预计明天摘果、后天发出，发货后会有短信通知。',
      ),
      customer(40, '好的，麻烦了！'),
    ],
  },
  {
    customer: 'Tom Becker',
    order: 21,
    subject: 'Company fapiao for the stone painting',
    priority: 'low',
    tags: ['invoice', '发票'],
    openedMinutesAgo: 15 * hour,
    steps: [
      customer(0, 'Hi, can I get a company fapiao for my stone painting order? I need it for reimbursement.'),
      assign(1),
      reply(
        20,
        "Hi {customer.name}, of course. Please send me your company's full name and tax ID (统一社会信用代码), and the email address the e-fapiao should go to.",
      ),
      customer(
        40,
        'Company: Becker Consulting (Beijing) Co., Ltd. Tax ID 91110105MA01ABCD2X. Email tom.becker@example.com',
      ),
      reply(
        60,
        "Thanks, I've passed this to our finance colleague. The e-fapiao for order {order.id} will be emailed within two working days; I'll let you know when it's sent.",
      ),
    ],
  },

  // ── Pending: waiting on the customer. ──
  {
    customer: '陈静',
    order: 12,
    subject: '石画玻璃碎了',
    priority: 'normal',
    tags: ['破损', '桂林石画'],
    openedMinutesAgo: 6 * hour + 20,
    steps: [
      customer(0, '收到的石画外面的玻璃碎了，画框也有点松，这个怎么处理？'),
      assign(1),
      reply(
        10,
        '{customer.name}您好，非常抱歉！玻璃在路上碎了，是我们包装没做好。麻烦您拍两张照片发给我：一张整体，一张破损的地方，我们给您补寄玻璃或者退款。拿的时候小心别划到手。',
      ),
      pending(11),
      note(12, '等顾客照片。石画每幅都不一样，不能换整幅，只能补玻璃或部分退款。'),
    ],
  },
  {
    customer: '孙浩',
    order: 15,
    subject: '快递显示派送失败',
    priority: 'normal',
    tags: ['物流'],
    openedMinutesAgo: 8 * hour,
    steps: [
      customer(0, '物流显示“派送失败，地址不详”，我地址写得很清楚啊，怎么回事？'),
      assign(1),
      reply(
        10,
        '{customer.name}您好，我查了一下，快递员说小寨东路那一段找不到您写的门牌号。麻烦您确认一下详细地址，最好加上小区名和楼栋号，我马上联系快递重新派送。',
      ),
      pending(12),
    ],
  },
  {
    customer: 'Lucas Silva',
    order: 22,
    subject: 'Invoice for my snail noodles',
    priority: 'low',
    tags: ['invoice'],
    openedMinutesAgo: 25 * hour,
    steps: [
      customer(0, 'Hi, I need an invoice for my order of snail noodles. Is that possible?'),
      assign(1),
      reply(
        20,
        'Hi {customer.name}, yes, we can issue an e-fapiao for order {order.id}. Should it be for yourself or for a company? For a company I need its full name and tax ID.',
      ),
      pending(22),
    ],
  },

  // ── Snoozed until tomorrow morning: the agent promised to look again. ──
  {
    customer: '马丽',
    order: 16,
    subject: '金桔快递到包头了吗',
    priority: 'normal',
    tags: ['物流', '金桔'],
    openedMinutesAgo: 10 * hour,
    steps: [
      customer(0, '你好，我的金桔发了三天了还没到包头，会不会放坏了？'),
      assign(1),
      reply(
        10,
        '{customer.name}您好，我查了物流，包裹昨晚已经到包头转运中心，快递说明天上午派送。金桔是现摘的，路上四五天都不会坏，收到后放冰箱冷藏就好。',
      ),
      customer(25, '好的，那明天到了我看看。'),
      reply(30, '好的！明天上午我再帮您跟一下物流，有问题随时找我。'),
      snooze(32),
    ],
  },
  {
    customer: '郑晓明',
    order: 17,
    subject: '退款什么时候到账',
    priority: 'low',
    tags: ['退款'],
    openedMinutesAgo: 5 * hour,
    steps: [
      customer(0, '前天申请的退款说已经退了，但是我银行卡还没收到钱。'),
      assign(1),
      reply(
        12,
        '{customer.name}您好，订单 {order.id} 的退款已经原路退回了，银行卡一般1到3个工作日到账。我明天上午再帮您查一下，如果还没到账，我联系支付平台给您出退款凭证。',
      ),
      snooze(13),
    ],
  },
  {
    customer: 'Aiko Tanaka',
    order: 18,
    subject: 'When will my pears arrive?',
    priority: 'normal',
    tags: ['delivery'],
    openedMinutesAgo: 4 * hour,
    steps: [
      customer(
        0,
        "Hello! I ordered two boxes of Qiuyue pears yesterday. Will they arrive by tomorrow? I'm having guests on the weekend.",
      ),
      assign(1),
      reply(
        8,
        "Hi {customer.name}, your pears left the orchard this morning with SF Express; Suzhou is usually next day, so tomorrow afternoon is likely. I'll check the tracking tomorrow morning and let you know.",
      ),
      customer(15, 'Great, thank you!'),
      snooze(16),
    ],
  },
  {
    customer: '杨帆',
    order: 19,
    subject: '绣花包能绣名字吗',
    priority: 'low',
    tags: ['定制', '侗族手工艺品'],
    openedMinutesAgo: 9 * hour,
    steps: [
      customer(0, '请问侗族绣花包能不能定制，绣上我女儿的名字“朵朵”？'),
      assign(1),
      reply(
        10,
        '{customer.name}您好，绣花包都是三江的侗族绣娘一针一针手工绣的。能不能加绣名字要问一下绣娘，她明天上午给我答复，我第一时间告诉您，订单先帮您暂缓发货。',
      ),
      note(12, '已微信问三江的吴阿姐，她说明早回复。订单备注暂缓发货。'),
      snooze(13),
    ],
  },

  // ── Resolved over the last days, most of them rated. ──
  {
    customer: '王丽娟',
    order: 0,
    subject: '金桔能放多久',
    priority: 'normal',
    tags: ['保质期', '金桔'],
    openedMinutesAgo: 9 * day + 10 * hour,
    steps: [
      customer(0, '金桔收到了，很新鲜！想问一下能放多久？一次吃不完。'),
      assign(1),
      reply(
        8,
        '{customer.name}您好，谢谢您的喜欢！金桔放冰箱冷藏可以保存两周左右，常温放在阴凉通风的地方，一周内吃完最好。先不要洗，吃之前再洗。',
      ),
      customer(15, '好的，谢谢！'),
      resolve(20),
      rate(60, 5, '回复很快，很细心'),
    ],
  },
  {
    customer: '李建国',
    order: 1,
    subject: '秋月梨有点硬',
    priority: 'normal',
    tags: ['秋月梨'],
    openedMinutesAgo: 8 * day + 3 * hour,
    steps: [
      customer(0, '梨收到了，但是有点硬，咬不动，是不是没熟？'),
      assign(1),
      reply(
        6,
        '{customer.name}您好，秋月梨刚摘下来果肉比较脆，这是正常的。放在常温下两三天会更甜、汁更多；喜欢软一点的，可以和苹果放在一起，熟得更快。',
      ),
      // Waiting to hear how they ripened: the resolution clock stops meanwhile.
      pending(7),
      customer(2 * day, '放了两天确实好吃多了，谢谢'),
      resolve(2 * day + 5),
      rate(2 * day + 30, 5),
    ],
  },
  {
    customer: '张敏',
    order: 2,
    subject: '金桔烂了，螺蛳粉少发一袋',
    priority: 'high',
    tags: ['退款', '金桔', '螺蛳粉'],
    openedMinutesAgo: 7 * day + 2 * hour,
    steps: [
      customer(0, '你们发的货有问题，金桔整箱都烂了，螺蛳粉还少了一袋，我要退款。'),
      assign(1),
      reply(
        9,
        '{customer.name}您好，真的很抱歉，这次让您失望了。金桔烂了和螺蛳粉少发都是我们的问题，我已经为您申请整单退款，不需要寄回，款项原路退回，1到3个工作日到账。',
      ),
      note(12, '同意整单退款。查一下那天柳州仓的打包记录。', 'employer'),
      customer(25, '好吧，希望下次注意。'),
      reply(30, '一定注意！问题已经反馈给仓库了。退款到账后如果有疑问，随时找我。'),
      resolve(32),
      rate(3 * hour, 4, '退款挺快的'),
    ],
  },
  {
    customer: '赵志强',
    subject: '有不辣的螺蛳粉吗',
    priority: 'low',
    tags: ['螺蛳粉', '咨询'],
    openedMinutesAgo: 6 * day + 5 * hour,
    steps: [
      customer(0, '你家螺蛳粉辣不辣？我家小孩也想吃。'),
      assign(1),
      reply(
        8,
        '{customer.name}您好，我们的螺蛳粉辣油是单独一包，不放辣油就基本不辣，小朋友也能吃。酸笋味道比较重，第一次吃可以先放一半。',
      ),
      customer(20, '那我再买两袋试试'),
      resolve(25),
      rate(40, 5),
    ],
  },
  {
    customer: '覃海燕',
    order: 23,
    subject: '团购螺蛳粉开专票',
    priority: 'normal',
    tags: ['发票', '螺蛳粉'],
    openedMinutesAgo: 5 * day + 12 * hour,
    steps: [
      customer(0, '你好，我们单位工会买了十袋螺蛳粉，需要开增值税专用发票，怎么弄？'),
      assign(1),
      reply(
        10,
        '{customer.name}您好，可以开专票的。麻烦提供单位名称、税号、开户行及账号、单位地址和电话，发票开好后邮寄给您，大概3到5个工作日。',
      ),
      customer(
        45,
        '单位：柳州市鱼峰区荣军社区卫生服务中心，税号 12450203MB1234567X，开户行工商银行柳州分行，账号 2105001234567890123。',
      ),
      note(50, '专票信息已转财务，周五前寄出。'),
      reply(52, '收到，已经转给财务开票，预计周五前寄出，单号出来发给您。'),
      resolve(55),
      rate(4 * hour, 5, '开票很顺利'),
    ],
  },
  {
    // Sat in the queue past its hour until the supervisor handed it over: a breach in the history.
    customer: '何志远',
    order: 24,
    subject: '秋月梨磕伤了三个',
    priority: 'high',
    tags: ['破损', '秋月梨', '退款'],
    openedMinutesAgo: 4 * day + 20 * hour,
    steps: [
      customer(0, '梨到了，有三个磕伤了，表皮都破了。'),
      assign(65, 'employer'),
      reply(
        70,
        '{customer.name}您好，抱歉让您久等了，也很抱歉梨磕伤了。给您两个选择：按三个坏果退款15元，或者下次下单时补发三个，您看哪个好？',
      ),
      customer(80, '退款吧'),
      reply(
        85,
        '好的，15元已经退到您的付款账户，1到3个工作日到账。磕伤的梨削掉伤处还是可以吃的，尽快吃就好。',
      ),
      resolve(86),
      rate(2 * hour, 4, '处理得可以，就是回复有点慢'),
    ],
  },
  {
    customer: '刘洋',
    subject: 'A4 石画有多大',
    priority: 'low',
    tags: ['桂林石画', '咨询'],
    openedMinutesAgo: 4 * day + 3 * hour,
    steps: [
      customer(0, '石画A4是多大？挂在玄关会不会太小？'),
      assign(1),
      reply(
        7,
        '{customer.name}您好，A4石画的画面约21×30厘米，加上画框大约27×36厘米。玄关一米左右宽的墙面挂一幅刚好，墙大一些可以挂两幅组合。每幅石画的纹路都是天然的，独一无二。',
      ),
      customer(30, '好的，我考虑一下'),
      resolve(2 * hour),
    ],
  },
  {
    customer: '黄晓燕',
    order: 10,
    subject: '石画怎么包装',
    priority: 'normal',
    tags: ['桂林石画', '物流'],
    openedMinutesAgo: 20 * hour,
    steps: [
      customer(0, '我买的石画是送人的，会不会路上摔坏？你们怎么包装？'),
      assign(1),
      reply(
        6,
        '{customer.name}您好，石画用珍珠棉包好后装进加厚木架箱，四个角都有护角，走顺丰。路上万一有破损，我们负责补寄或退款，您放心。',
      ),
      customer(15, '那就好，谢谢'),
      resolve(18),
      rate(45, 5),
    ],
  },
  {
    customer: '陈静',
    subject: '金桔是今年的新果吗',
    priority: 'low',
    tags: ['金桔', '咨询'],
    openedMinutesAgo: 4 * day + 15 * hour,
    steps: [
      customer(0, '你们的金桔是今年的新果吗？甜不甜？'),
      assign(1),
      reply(
        5,
        '{customer.name}您好，是今年的新果！融安金桔十一月开始成熟，现在正是最甜的时候。我们在自家果园现摘现发，连皮一起吃，皮甜肉微酸。',
      ),
      resolve(60),
      rate(90, 5),
    ],
  },
  {
    customer: '周建华',
    subject: '秋月梨有礼盒吗',
    priority: 'low',
    tags: ['秋月梨', '咨询'],
    openedMinutesAgo: 3 * day + 7 * hour,
    steps: [
      customer(0, '秋月梨可以送人吗？有没有礼盒包装？'),
      assign(1),
      reply(
        9,
        '{customer.name}您好，秋月梨目前是5公斤的原装纸箱，8到10个果，暂时没有礼盒。箱子干净结实，送人也拿得出手；需要的话，我可以在箱子里放一张手写贺卡。',
      ),
      customer(20, '没有礼盒有点可惜，那放贺卡吧，写“祝爸妈身体健康”。'),
      reply(24, '好的，已经备注贺卡内容“祝爸妈身体健康”，下单后仓库会放进箱子里。'),
      resolve(26),
      rate(50, 3, '没有礼盒有点可惜'),
    ],
  },
  {
    customer: '吴婷婷',
    orderRef: 'DS2026112-088',
    subject: '订单到哪了',
    priority: 'normal',
    tags: ['物流'],
    openedMinutesAgo: 3 * day + 2 * hour,
    steps: [
      customer(0, '我的订单 DS2026112-088 到哪了？'),
      assign(1),
      reply(
        6,
        '{customer.name}您好，这个订单号我这边没查到，可能少了一位数字。方便告诉我下单用的手机号吗？我用手机号帮您查。',
      ),
      customer(10, '158 5012 3456'),
      reply(15, '查到了，是您买的四袋螺蛳粉，已经签收了，是小区门口的快递柜代收的，取件码请看一下短信。'),
      customer(30, '找到了，在快递柜里，谢谢！'),
      resolve(32),
      rate(40, 4),
    ],
  },
  {
    customer: '孙浩',
    subject: '快递到西安太慢',
    priority: 'normal',
    tags: ['物流', '投诉'],
    openedMinutesAgo: 6 * day + 8 * hour,
    steps: [
      customer(0, '你们的快递到西安怎么这么慢，上次买梨等了五天。'),
      assign(1),
      reply(
        8,
        '{customer.name}您好，非常抱歉让您等了这么久。发西北的快递确实慢一些，一般三到四天。以后发西安我们优先走顺丰，能快一到两天。',
      ),
      customer(20, '希望吧，梨倒是挺好吃的。'),
      reply(25, '谢谢您的认可！下次下单时备注“走顺丰”就行，运费差价我们承担。'),
      resolve(27),
      rate(35, 2, '物流太慢了'),
    ],
  },
  {
    customer: '马丽',
    subject: '直播买的石画想退货',
    priority: 'normal',
    tags: ['退款', '退货', '桂林石画'],
    openedMinutesAgo: 5 * day + 6 * hour,
    steps: [
      customer(0, '上个月在直播间买的石画，颜色和直播里看到的不一样，我想退货。'),
      assign(1),
      reply(
        10,
        '{customer.name}您好，石画是天然石材，灯光下和实物颜色会有些差别，这点直播时没讲清楚，很抱歉。可以退货的，麻烦您把石画包好寄回桂林的工作室，收到后给您全额退款。',
      ),
      customer(25, '运费要我自己出？当时直播可没说。'),
      reply(31, '按店铺规则，非质量问题的退货运费需要您承担，给您带来不便很抱歉。'),
      customer(40, '那算了，不退了，以后不买了。'),
      resolve(45),
      rate(50, 1, '退货还要我自己出运费'),
      note(3 * hour, '这类情况以后运费我们承担，直接答应顾客。我来给马丽打个电话道歉。', 'employer'),
    ],
  },
  {
    customer: '郑晓明',
    subject: '酸笋可以不放吗',
    priority: 'low',
    tags: ['螺蛳粉', '咨询'],
    openedMinutesAgo: 2 * day + 10 * hour,
    steps: [
      customer(0, '螺蛳粉里的酸笋味道太冲了，可以不放吗？'),
      assign(1),
      reply(
        6,
        '{customer.name}您好，可以的，酸笋是单独一包，不放也行，只是少了一点螺蛳粉特有的香味。可以先放一点试试，很多顾客吃几次就爱上了。',
      ),
      customer(12, '哈哈好的，我试试'),
      resolve(14),
      rate(20, 5),
    ],
  },
  {
    customer: '杨帆',
    subject: '绣花包的图案有什么寓意',
    priority: 'low',
    tags: ['侗族手工艺品', '咨询'],
    openedMinutesAgo: 2 * day + 2 * hour,
    steps: [
      customer(0, '侗族绣花包上绣的是什么图案？有什么寓意吗？'),
      assign(1),
      reply(
        9,
        '{customer.name}您好，这款绣的是侗族传统的鼓楼和花鸟纹，寓意平安团圆。每个包都是三江的绣娘手工绣的，一个要绣四五天，所以每个的图案都略有不同。',
      ),
      customer(20, '太好了，准备买一个给女儿'),
      reply(23, '谢谢您！绣花包装零钱和钥匙都合适，小朋友用也很好看。'),
      resolve(25),
      rate(40, 5, '讲得很细，谢谢'),
    ],
  },
  {
    customer: '覃海燕',
    subject: '发票抬头写错了',
    priority: 'low',
    tags: ['发票'],
    openedMinutesAgo: day + 13 * hour,
    steps: [
      customer(0, '上次开的发票抬头写错了一个字，“鱼峰区”写成了“渔峰区”，能重开吗？'),
      assign(1),
      reply(
        8,
        '{customer.name}您好，可以重开的。麻烦您把原来的纸质发票寄回，我们收到后两个工作日内给您重开。',
      ),
      customer(20, '我寄回去吧，寄到哪？'),
      reply(
        24,
        '请寄到：广西柳州市柳南区航鹰大道168号 Demo Shop 财务部收，电话 0772-1234567。寄出后把单号告诉我就好。',
      ),
      customer(3 * hour, '寄了，顺丰 SF1234567890123'),
      reply(3 * hour + 6, '收到，财务收到后马上重开，新发票寄出后我把单号发给您。'),
      resolve(3 * hour + 8),
      rate(4 * hour, 4),
    ],
  },
  {
    customer: '李建国',
    subject: '收货电话填错了',
    priority: 'normal',
    tags: ['改地址'],
    openedMinutesAgo: day + 3 * hour,
    steps: [
      customer(0, '我刚下的单收货人电话填错了，最后一位是8不是6。'),
      assign(1),
      reply(5, '{customer.name}您好，已经帮您把电话改成尾号8了，订单还没发货，不影响派送。'),
      customer(9, '谢谢'),
      resolve(10),
      rate(15, 5),
    ],
  },
  {
    customer: 'Emily Carter',
    order: 28,
    subject: 'How long do kumquats keep?',
    priority: 'low',
    tags: ['shelf-life'],
    openedMinutesAgo: 3 * day,
    steps: [
      customer(
        0,
        'Hi! The kumquats arrived and they are lovely. How long will they keep? And can I eat the skin?',
      ),
      assign(1),
      reply(
        7,
        'Hi {customer.name}, glad you like them! In the fridge they keep about two weeks; at room temperature, eat them within a week. Yes, eat them whole: the skin is the sweet part and the flesh is a little tart. Wash them just before eating.',
      ),
      customer(15, 'Perfect, thanks!'),
      resolve(16),
      rate(30, 5, 'Super helpful, thank you!'),
    ],
  },
  {
    customer: 'Daniel Okafor',
    order: 7,
    subject: 'Refund for bruised pears',
    priority: 'normal',
    tags: ['refund', 'damaged'],
    openedMinutesAgo: 2 * day + 3 * hour,
    steps: [
      customer(
        0,
        "I'd like a refund for my pears. Several were bruised and one box was soft and smelled fermented.",
      ),
      assign(1),
      reply(
        10,
        "Hi {customer.name}, I'm sorry, that shouldn't happen. I've issued a full refund for order {order.id}; no need to send anything back. It goes back to your original payment method, usually within 1–3 working days.",
      ),
      note(
        12,
        'Approved the full refund. Ask the orchard whether that batch waited too long at the depot.',
        'employer',
      ),
      customer(30, 'Thanks for sorting it out so quickly.'),
      resolve(32),
      rate(40, 4),
    ],
  },
  {
    customer: 'Daniel Okafor',
    order: 29,
    subject: 'How spicy are the snail noodles?',
    priority: 'low',
    tags: ['snail-noodles'],
    openedMinutesAgo: 4 * day,
    steps: [
      customer(0, 'How spicy are the snail noodles (螺蛳粉)? I like some heat but not too much.'),
      assign(1),
      reply(
        8,
        "Hi {customer.name}, the chili oil comes in its own sachet, so you choose: half a sachet is a pleasant medium heat, the whole one is properly hot by Liuzhou standards. The pickled bamboo shoots smell strong; that's normal!",
      ),
      resolve(60),
      rate(3 * hour, 5),
    ],
  },
  {
    customer: 'Tom Becker',
    subject: 'Shipping to Macau?',
    priority: 'low',
    tags: ['delivery'],
    openedMinutesAgo: 7 * day + 5 * hour,
    steps: [
      customer(0, 'Do you ship to Macau? My parents live there.'),
      assign(1),
      reply(
        9,
        "Hi {customer.name}, I'm sorry, at the moment we only ship within mainland China: fresh fruit cannot clear customs easily. I've noted your interest for the stone paintings and Dong handicrafts, which we hope to send further later this year.",
      ),
      customer(20, 'Ok, too bad. Thanks anyway.'),
      resolve(22),
      rate(30, 3, 'Wish you shipped to Macau'),
    ],
  },
  {
    customer: 'Sophie Martin',
    subject: 'Gift message in the box?',
    priority: 'low',
    tags: ['gift'],
    openedMinutesAgo: day + 8 * hour,
    steps: [
      customer(0, 'Hello, can you put a small gift message into a box of pears? It is for my colleague.'),
      assign(1),
      reply(
        6,
        'Hi {customer.name}, yes, we can add a handwritten card. Write the message in the order note when you check out, in English or Chinese, and our warehouse will put it in the box.',
      ),
      customer(12, 'Lovely, will do.'),
      resolve(2 * hour),
    ],
  },
];
