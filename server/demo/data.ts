import type { Role } from '../../shared/protocol/auth';
import type { OrderStatus } from '../store/schema';

/** Printed by `--demo` and shown on the sign-in screen of an embedded demo hub; never used otherwise. */
export const demoPassword = 'wings-demo';
export const demoOrganisation = 'Demo Shop';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
}

export const demoUsers: DemoUser[] = [
  // A customer-service agent with a first-level physical disability who works with one switch.
  { username: 'agent', displayName: '韦秀兰', roles: ['agent'] },
  // An anchor who cannot speak and sells through the teleprompter voice.
  { username: 'anchor', displayName: '覃金凤', roles: ['anchor'] },
  // The shop's owner in Shanghai: supervises output and administers accounts.
  { username: 'employer', displayName: '陈立新', roles: ['supervisor', 'admin'] },
];

export interface DemoProduct {
  sku: string;
  name: string;
  description: string;
  priceFen: number;
  stock: number;
}

export const demoProducts: DemoProduct[] = [
  {
    sku: 'KQ-2500',
    name: '融安金桔',
    description: "Rong'an kumquats, 2.5 kg box, picked on the family farm the day before shipping",
    priceFen: 6800,
    stock: 420,
  },
  {
    sku: 'PR-5000',
    name: '秋月梨',
    description: 'Qiuyue pears, 5 kg box, 8 to 10 fruit',
    priceFen: 8990,
    stock: 260,
  },
  {
    sku: 'LSF-5',
    name: '柳州螺蛳粉',
    description: 'Liuzhou snail noodles, pack of 5, with pickled bamboo shoots',
    priceFen: 5950,
    stock: 1200,
  },
  {
    sku: 'GSP-A4',
    name: '桂林石画',
    description: 'Guilin stone painting, A4, each one unique, framed',
    priceFen: 38800,
    stock: 18,
  },
  {
    sku: 'DONG-EMB',
    name: '侗族手工艺品',
    description: 'Dong embroidered pouch, handmade in Sanjiang',
    priceFen: 12800,
    stock: 45,
  },
];

export interface DemoCustomer {
  name: string;
  locale: 'zh-CN' | 'en';
  phone: string | null;
  email: string | null;
  city: string;
}

export const demoCustomers: DemoCustomer[] = [
  { name: '王丽娟', locale: 'zh-CN', phone: '13800138001', email: null, city: '上海' },
  { name: '李建国', locale: 'zh-CN', phone: '13911112222', email: null, city: '北京' },
  { name: '张敏', locale: 'zh-CN', phone: '13712345678', email: null, city: '广州' },
  { name: '刘洋', locale: 'zh-CN', phone: '18622223333', email: null, city: '杭州' },
  { name: '黄晓燕', locale: 'zh-CN', phone: '15077778888', email: null, city: '南宁' },
  { name: '赵志强', locale: 'zh-CN', phone: '13698765432', email: null, city: '呼和浩特' },
  { name: 'Emily Carter', locale: 'en', phone: null, email: 'emily.carter@example.com', city: 'Shenzhen' },
  { name: 'Daniel Okafor', locale: 'en', phone: null, email: 'd.okafor@example.com', city: 'Hong Kong' },
  // From here on: the customers of the demo's ticket queue (server/demo/tickets-data.ts).
  { name: '陈静', locale: 'zh-CN', phone: '13980012345', email: null, city: '成都' },
  { name: '周建华', locale: 'zh-CN', phone: '13545678901', email: null, city: '武汉' },
  { name: '吴婷婷', locale: 'zh-CN', phone: '15850123456', email: null, city: '南京' },
  { name: '孙浩', locale: 'zh-CN', phone: '18691234567', email: null, city: '西安' },
  { name: '马丽', locale: 'zh-CN', phone: '15947281234', email: null, city: '包头' },
  { name: '郑晓明', locale: 'zh-CN', phone: '13606051234', email: null, city: '厦门' },
  { name: '杨帆', locale: 'zh-CN', phone: '17352345678', email: null, city: '长沙' },
  { name: '覃海燕', locale: 'zh-CN', phone: '18977234567', email: null, city: '柳州' },
  { name: '何志远', locale: 'zh-CN', phone: '13823456789', email: null, city: '深圳' },
  { name: 'Sophie Martin', locale: 'en', phone: null, email: 'sophie.martin@example.com', city: 'Shanghai' },
  { name: 'Tom Becker', locale: 'en', phone: null, email: 'tom.becker@example.com', city: 'Beijing' },
  { name: 'Lucas Silva', locale: 'en', phone: null, email: 'lucas.silva@example.com', city: 'Guangzhou' },
  { name: 'Aiko Tanaka', locale: 'en', phone: null, email: 'aiko.tanaka@example.com', city: 'Suzhou' },
];

export interface DemoOrder {
  /** Index into demoCustomers. */
  customer: number;
  items: { sku: string; quantity: number }[];
  status: OrderStatus;
  /** How long ago it was placed, so the demo always looks current. */
  daysAgo: number;
  hour: number;
}

export const demoOrders: DemoOrder[] = [
  { customer: 0, items: [{ sku: 'KQ-2500', quantity: 2 }], status: 'delivered', daysAgo: 12, hour: 20 },
  { customer: 1, items: [{ sku: 'PR-5000', quantity: 1 }], status: 'delivered', daysAgo: 10, hour: 9 },
  {
    customer: 2,
    items: [
      { sku: 'LSF-5', quantity: 3 },
      { sku: 'KQ-2500', quantity: 1 },
    ],
    status: 'refunded',
    daysAgo: 9,
    hour: 21,
  },
  { customer: 6, items: [{ sku: 'GSP-A4', quantity: 1 }], status: 'delivered', daysAgo: 8, hour: 14 },
  { customer: 3, items: [{ sku: 'DONG-EMB', quantity: 2 }], status: 'shipped', daysAgo: 5, hour: 11 },
  { customer: 4, items: [{ sku: 'KQ-2500', quantity: 5 }], status: 'shipped', daysAgo: 4, hour: 20 },
  { customer: 5, items: [{ sku: 'LSF-5', quantity: 2 }], status: 'delivered', daysAgo: 6, hour: 19 },
  { customer: 7, items: [{ sku: 'PR-5000', quantity: 2 }], status: 'refunded', daysAgo: 3, hour: 8 },
  { customer: 0, items: [{ sku: 'LSF-5', quantity: 1 }], status: 'paid', daysAgo: 1, hour: 22 },
  {
    customer: 2,
    items: [
      { sku: 'PR-5000', quantity: 1 },
      { sku: 'KQ-2500', quantity: 1 },
    ],
    status: 'paid',
    daysAgo: 1,
    hour: 20,
  },
  { customer: 4, items: [{ sku: 'GSP-A4', quantity: 1 }], status: 'shipped', daysAgo: 2, hour: 15 },
  { customer: 1, items: [{ sku: 'DONG-EMB', quantity: 1 }], status: 'paid', daysAgo: 0, hour: 10 },
  // From here on: orders the demo's tickets are about (server/demo/tickets-data.ts refers to them by index).
  { customer: 8, items: [{ sku: 'GSP-A4', quantity: 1 }], status: 'delivered', daysAgo: 3, hour: 10 },
  { customer: 9, items: [{ sku: 'KQ-2500', quantity: 3 }], status: 'paid', daysAgo: 1, hour: 9 },
  { customer: 10, items: [{ sku: 'LSF-5', quantity: 4 }], status: 'delivered', daysAgo: 5, hour: 13 },
  { customer: 11, items: [{ sku: 'PR-5000', quantity: 1 }], status: 'shipped', daysAgo: 2, hour: 16 },
  { customer: 12, items: [{ sku: 'KQ-2500', quantity: 2 }], status: 'shipped', daysAgo: 3, hour: 12 },
  { customer: 13, items: [{ sku: 'LSF-5', quantity: 2 }], status: 'refunded', daysAgo: 4, hour: 18 },
  { customer: 20, items: [{ sku: 'PR-5000', quantity: 2 }], status: 'shipped', daysAgo: 1, hour: 11 },
  { customer: 14, items: [{ sku: 'DONG-EMB', quantity: 1 }], status: 'paid', daysAgo: 1, hour: 8 },
  { customer: 17, items: [{ sku: 'KQ-2500', quantity: 1 }], status: 'shipped', daysAgo: 2, hour: 19 },
  { customer: 18, items: [{ sku: 'GSP-A4', quantity: 1 }], status: 'delivered', daysAgo: 6, hour: 15 },
  { customer: 19, items: [{ sku: 'LSF-5', quantity: 3 }], status: 'delivered', daysAgo: 7, hour: 20 },
  { customer: 15, items: [{ sku: 'LSF-5', quantity: 10 }], status: 'delivered', daysAgo: 8, hour: 10 },
  { customer: 16, items: [{ sku: 'PR-5000', quantity: 1 }], status: 'delivered', daysAgo: 7, hour: 9 },
  { customer: 2, items: [{ sku: 'PR-5000', quantity: 2 }], status: 'delivered', daysAgo: 2, hour: 10 },
  { customer: 0, items: [{ sku: 'LSF-5', quantity: 2 }], status: 'delivered', daysAgo: 3, hour: 21 },
  { customer: 1, items: [{ sku: 'KQ-2500', quantity: 2 }], status: 'delivered', daysAgo: 2, hour: 9 },
  { customer: 6, items: [{ sku: 'KQ-2500', quantity: 1 }], status: 'delivered', daysAgo: 5, hour: 12 },
  { customer: 7, items: [{ sku: 'LSF-5', quantity: 1 }], status: 'delivered', daysAgo: 6, hour: 10 },
];

export const demoTeamMessages: { author: string; body: string; minutesAgo: number }[] = [
  { author: 'employer', body: '今晚 8 点金桔直播，客服请提前 10 分钟上线。', minutesAgo: 180 },
  { author: 'agent', body: '收到。昨天那位反馈金桔有压伤的顾客已经补发了。', minutesAgo: 150 },
  { author: 'anchor', body: '直播提词已更新，新增秋月梨的保存方法。', minutesAgo: 90 },
];
