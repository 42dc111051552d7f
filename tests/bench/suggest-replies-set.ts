/**
 * Customer questions to the Demo Shop, each labelled with the `key` of the
 * canned reply (server/demo/canned-replies.ts) an agent would answer it
 * with. Written as customers write: colloquial, with typos (pinyin
 * homophones such as 快第 and 发漂, English misspellings), order numbers and
 * the odd language mix, not from the replies' own words, so the ranking can miss.
 */

export interface LabelledQuestion {
  /** What the customer wrote. */
  readonly message: string;
  /** The canned reply that answers it. */
  readonly key: string;
  /** The language the agent answers in (a mixed message counts as the one it is mostly in). */
  readonly lang: 'zh-CN' | 'en';
}

const zh = (message: string, key: string): LabelledQuestion => ({ message, key, lang: 'zh-CN' });
const en = (message: string, key: string): LabelledQuestion => ({ message, key, lang: 'en' });

export const suggestRepliesSet: readonly LabelledQuestion[] = [
  // Where is it?
  zh('我买的金桔发了没，到哪儿了', 'delivery-status-zh'),
  zh('订单DS20261128-0042 现在到哪里了呀', 'delivery-status-zh'),
  zh('你好 我的梨什么时候能到', 'delivery-status-zh'),
  zh('帮我查一下快第，单号一直没看到', 'delivery-status-zh'),
  zh('我的order还没到，能帮忙看看不', 'delivery-status-zh'),
  // When do you ship?
  zh('今天拍的金桔啥时候发货', 'ship-time-zh'),
  zh('下单两天了怎么还不发', 'ship-time-zh'),
  zh('现在买秋月梨，几号能寄出来？', 'ship-time-zh'),
  // Stuck on the way.
  zh('物流四天没动了，是不是丢件了', 'delivery-delay-zh'),
  zh('快递一直卡在南宁转运中心，急用啊', 'delivery-delay-zh'),
  zh('DS20261125-0107 这单停了好几天不更新', 'delivery-delay-zh'),
  // Damaged fruit.
  zh('金桔烂了好几个，还有长毛的', 'damaged-fruit-zh'),
  zh('收到的梨磕得全是伤，有两个都碎了', 'damaged-fruit-zh'),
  zh('箱子压扁了，里面的果子都流汁了怎么办', 'damaged-fruit-zh'),
  zh('有坏的，怎么赔', 'damaged-fruit-zh'),
  // Refunds.
  zh('refund怎么还没到账啊', 'refund-zh'),
  zh('我申请的退款什么时候能退回来', 'refund-zh'),
  zh('钱退了没有，都三天了', 'refund-zh'),
  // Returns address.
  zh('退货寄到哪里？给个地址', 'return-address-zh'),
  zh('要退回去的话寄哪个地方', 'return-address-zh'),
  zh('石画不想要了，寄回地址发我一下', 'return-address-zh'),
  // Invoices.
  zh('能开发票吗', 'invoice-zh'),
  zh('公司报销要发漂，可以开不', 'invoice-zh'),
  zh('电子票怎么弄，抬头写我们单位', 'invoice-zh'),
  // Shelf life and storage.
  zh('螺蛳粉能放多久？', 'shelf-life-zh'),
  zh('金桔买回来怎么存，放冰箱行吗', 'shelf-life-zh'),
  zh('梨放常温会不会很快坏', 'shelf-life-zh'),
  // Stone painting sizes.
  zh('石画多大？挂客厅会不会太小', 'stone-painting-size-zh'),
  zh('那个桂林石画长宽是多少', 'stone-painting-size-zh'),
  // Snail noodle spice level.
  zh('螺蛳粉辣不辣？小孩能吃吗', 'noodle-spice-zh'),
  zh('我不太能吃辣，这个粉是微辣还是特辣', 'noodle-spice-zh'),
  zh('可以做成不辣的吗', 'noodle-spice-zh'),
  // Changing an order.
  zh('拍错了，想把一箱改成两箱', 'order-change-zh'),
  zh('刚下的单能换成大盒的吗', 'order-change-zh'),
  zh('订单里多买了一包粉，能帮我去掉吗', 'order-change-zh'),
  // Changing the address.
  zh('地址写错了，能改一下吗', 'address-change-zh'),
  zh('收货的地方要换成我公司，DS20261130-0015', 'address-change-zh'),
  zh('手机号填错了一位，收件人也要换', 'address-change-zh'),
  // Dong handicrafts.
  zh('侗族绣花包是纯手工的吗？', 'handicraft-zh'),
  zh('收到的包跟图片上颜色不太一样，是不是发错了', 'handicraft-zh'),
  // Greeting, closing, wait a moment.
  zh('在吗？', 'greeting-zh'),
  zh('你好，有人吗', 'greeting-zh'),
  zh('好的，没别的问题了，谢谢', 'closing-zh'),
  zh('行，那就这样吧，辛苦了', 'closing-zh'),
  zh('那你帮我问问仓库吧，我等着', 'wait-zh'),

  en('Hi, where is my order? DS20261127-0031', 'delivery-status-en'),
  en('Has my package left yet? I ordered pears on monday', 'delivery-status-en'),
  en('any tracking info for my 金桔 order??', 'delivery-status-en'),
  en('Half the kumquats in the box are mouldy and squashed', 'damaged-fruit-en'),
  en('the pears came bruised, two are rotten', 'damaged-fruit-en'),
  en('Box was crushed when it arrived and some fruit is broken', 'damaged-fruit-en'),
  en('When will I get my money back?', 'refund-en'),
  en("I still havent recieved the refnd, it's been a week", 'refund-en'),
  en('Can I get a fapiao for my company?', 'invoice-en'),
  en('I need a receipt with our company tax ID for reimbursement', 'invoice-en'),
  en('How long do the snail noodles last before they expire?', 'shelf-life-en'),
  en('should I put the kumquats in the fridge', 'shelf-life-en'),
  en('Where do I send the stone painting back to?', 'return-address-en'),
  en("what's the address for returns", 'return-address-en'),
  en('I put the wrong address, can you change it to my office?', 'address-change-en'),
  en('Can the courier bring it to 88 Nanjing Road instead', 'address-change-en'),
  en('Hello? anyone there', 'greeting-en'),
  en('hi', 'greeting-en'),
  en("Great, that's all, thanks a lot!", 'closing-en'),
  en('ok can you check with the warehouse', 'wait-en'),
];
