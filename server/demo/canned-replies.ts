/**
 * The Demo Shop's canned replies, seeded organisation-wide by `--demo`, and
 * the replies the suggestion bench (tests/bench/suggest-replies.bench.ts)
 * ranks. Pure data. Bodies use {customer.name}, {order.id} and {agent.name}
 * (shared/domain/tickets/canned-variables.ts fills them) and, so a switch user
 * could also type them on the on-screen keyboard, only the punctuation it has
 * (。，？！ in Chinese).
 */

export interface DemoCannedReply {
  /** Stable: the labelled bench set and the demo seed refer to replies by it. */
  key: string;
  /** Typed in the reply box to insert the reply: a slash, then letters, digits, dashes or underscores. */
  shortcut: string;
  title: string;
  body: string;
  locale: 'zh-CN' | 'en';
}

export const demoCannedReplies: readonly DemoCannedReply[] = [
  {
    key: 'greeting-zh',
    shortcut: '/nh',
    title: '开场问候',
    body: '您好{customer.name}，我是客服{agent.name}，很高兴为您服务，请问有什么可以帮您？',
    locale: 'zh-CN',
  },
  {
    key: 'wait-zh',
    shortcut: '/dd',
    title: '请稍等',
    body: '好的，请您稍等一下，我马上帮您查询，大约需要两三分钟。',
    locale: 'zh-CN',
  },
  {
    key: 'closing-zh',
    shortcut: '/zj',
    title: '结束语',
    body: '请问还有其他可以帮您的吗？如果没有的话，感谢您的耐心，祝您生活愉快！',
    locale: 'zh-CN',
  },
  {
    key: 'delivery-status-zh',
    shortcut: '/wl',
    title: '物流查询',
    body: '亲，您的订单{order.id}已经发货了，包裹正在运输途中，一般三到五天送达，您可以在订单详情里查看快递单号和最新进度。',
    locale: 'zh-CN',
  },
  {
    key: 'ship-time-zh',
    shortcut: '/fh',
    title: '发货时间',
    body: '亲，金桔和秋月梨都是现摘现发，下单后48小时内发出，螺蛳粉和其他商品下午四点前付款的当天发货。',
    locale: 'zh-CN',
  },
  {
    key: 'delivery-delay-zh',
    shortcut: '/yc',
    title: '物流延误',
    body: '非常抱歉让您久等了，订单{order.id}的物流信息几天没有更新，我已经联系快递公司核实，有结果第一时间告诉您，如果确认丢件我们马上补发。',
    locale: 'zh-CN',
  },
  {
    key: 'damaged-fruit-zh',
    shortcut: '/pl',
    title: '坏果破损',
    body: '非常抱歉，水果在运输中压坏了，麻烦您拍一下外箱和坏果的照片发给我，核实后坏多少赔多少，可以补发也可以退款，坏果不用寄回。',
    locale: 'zh-CN',
  },
  {
    key: 'refund-zh',
    shortcut: '/tk',
    title: '退款进度',
    body: '您的退款已经处理好了，金额会在一到三个工作日内原路退回您的支付账户，具体到账时间以银行为准，请留意查收。',
    locale: 'zh-CN',
  },
  {
    key: 'return-address-zh',
    shortcut: '/th',
    title: '退货地址',
    body: '退货请寄到广西柳州市柳南区航银路18号，售后部韦小姐收，电话0772-3856601，包裹里请附上订单号{order.id}，请不要寄到付件。',
    locale: 'zh-CN',
  },
  {
    key: 'invoice-zh',
    shortcut: '/fp',
    title: '开发票',
    body: '可以开的，我们开增值税电子普通发票，请把发票抬头，税号和接收邮箱发给我，个人抬头写姓名就可以，确认收货后三个工作日内开出。',
    locale: 'zh-CN',
  },
  {
    key: 'shelf-life-zh',
    shortcut: '/bzq',
    title: '保质期和储存',
    body: '螺蛳粉常温保质期六个月，请放在阴凉干燥的地方。金桔和秋月梨是鲜果，建议放冰箱冷藏，金桔能放两周左右，梨能放一个月左右。',
    locale: 'zh-CN',
  },
  {
    key: 'stone-painting-size-zh',
    shortcut: '/sh',
    title: '石画尺寸',
    body: '桂林石画是A4大小，画芯约21乘30厘米，带框约35乘45厘米，可以挂墙也可以用支架摆在桌上，每一幅的石纹都不一样。',
    locale: 'zh-CN',
  },
  {
    key: 'noodle-spice-zh',
    shortcut: '/la',
    title: '螺蛳粉辣度',
    body: '我们的柳州螺蛳粉是中辣，辣椒油单独一包，怕辣可以少放或者不放，喜欢吃辣的下单时备注一下，我们多送一包辣椒油。',
    locale: 'zh-CN',
  },
  {
    key: 'order-change-zh',
    shortcut: '/gd',
    title: '修改订单',
    body: '订单还没发货的话可以修改，请告诉我要改的商品，规格或者数量，我帮您调整，差价多退少补。已经发货的就改不了了，可以收到后再申请退换。',
    locale: 'zh-CN',
  },
  {
    key: 'address-change-zh',
    shortcut: '/dz',
    title: '修改收货地址',
    body: '好的，请把新的收货人，电话和详细地址发给我，订单{order.id}还没发货的话我马上帮您改，已经发出的我联系快递转寄。',
    locale: 'zh-CN',
  },
  {
    key: 'handicraft-zh',
    shortcut: '/sg',
    title: '侗族手工艺品',
    body: '我们的侗族手工艺品都是三江的侗族绣娘手工做的，每件的图案和颜色会有一点差别，这是手工的特点，不是质量问题，请您放心。',
    locale: 'zh-CN',
  },
  {
    key: 'greeting-en',
    shortcut: '/hi',
    title: 'Greeting',
    body: 'Hello {customer.name}, this is {agent.name} from Demo Shop. How can I help you today?',
    locale: 'en',
  },
  {
    key: 'wait-en',
    shortcut: '/wait',
    title: 'One moment',
    body: 'Thank you, please give me a moment while I look into this for you.',
    locale: 'en',
  },
  {
    key: 'closing-en',
    shortcut: '/bye',
    title: 'Closing',
    body: 'Is there anything else I can help you with? Thank you for shopping with us and have a nice day!',
    locale: 'en',
  },
  {
    key: 'delivery-status-en',
    shortcut: '/track',
    title: 'Delivery status',
    body: 'Your order {order.id} has been shipped and is on its way. Delivery usually takes three to five days, and you can follow the tracking number on the order page.',
    locale: 'en',
  },
  {
    key: 'damaged-fruit-en',
    shortcut: '/damaged',
    title: 'Damaged fruit',
    body: 'I am very sorry the fruit arrived damaged. Please send us a photo of the box and the bad fruit, and we will send a replacement or refund you for it. There is no need to send anything back.',
    locale: 'en',
  },
  {
    key: 'refund-en',
    shortcut: '/refund',
    title: 'Refund status',
    body: 'Your refund has been processed. The money goes back to your original payment method within one to three working days, depending on your bank.',
    locale: 'en',
  },
  {
    key: 'invoice-en',
    shortcut: '/invoice',
    title: 'Invoice',
    body: 'We can issue an electronic invoice. Please send me the company name, tax number and the email address it should go to, and it will arrive within three working days after delivery.',
    locale: 'en',
  },
  {
    key: 'shelf-life-en',
    shortcut: '/storage',
    title: 'Shelf life and storage',
    body: 'The snail noodles keep for six months in a cool dry place. Kumquats and pears are fresh fruit: keep them in the fridge, kumquats for about two weeks and pears for about a month.',
    locale: 'en',
  },
  {
    key: 'return-address-en',
    shortcut: '/return',
    title: 'Returns address',
    body: 'Please send returns to Demo Shop After-sales, 18 Hangyin Road, Liunan District, Liuzhou, Guangxi, phone 0772-3856601, with your order number {order.id} in the parcel. Please pay the postage; we refund it when the goods were faulty.',
    locale: 'en',
  },
  {
    key: 'address-change-en',
    shortcut: '/address',
    title: 'Change of address',
    body: 'Sure, please send me the new name, phone number and full address. If order {order.id} has not shipped yet I will change it right away; if it has, I will ask the courier to redirect it.',
    locale: 'en',
  },
];
