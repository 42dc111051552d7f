import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { demoOrganisation } from '../../server/demo/data';

const priorities = ['low', 'normal', 'high', 'urgent'] as const;

export interface SeedOptions {
  /** How many tickets to add. */
  count: number;
  /** The username the tickets are assigned to; null leaves them in the queue. */
  assignee: string | null;
  /** Created this long before now, one minute apart (the newest first). */
  now?: number;
  /** One priority for all; otherwise they take turns. */
  priority?: (typeof priorities)[number];
  /** Answered once already (first reply 30 s in): the hub then never hands them back when the agent goes offline. */
  answered?: boolean;
}

const subjects = [
  '快递到哪了',
  '金桔坏了几个',
  '申请退款',
  '发票怎么开',
  '螺蛳粉保质期多久',
  'Where is my parcel?',
];
const bodies = [
  '你好，我的快递三天了还没到，单号能帮我查一下吗？',
  '收到的金桔有几个压坏了，可以补发吗？',
  'I would like a refund for the pears, two of them were bruised.',
  '请问可以开增值税普通发票吗？',
];

/**
 * Adds `count` open tickets of the Demo Shop straight into a hub's store,
 * each with one customer message, as the hub itself would have written them
 * (numbers after the newest, counters matching the message). For queues far
 * larger than the demo's forty, without sending thousands of chats.
 */
export function seedQueue(
  dataDir: string,
  { count, assignee, now = Date.now(), priority, answered = false }: SeedOptions,
): void {
  const db = new BetterSqlite3(join(dataDir, 'hub.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const org = db.prepare('SELECT id FROM organisations WHERE name = ?').get(demoOrganisation) as {
      id: number;
    };
    const customers = db.prepare('SELECT id FROM customers WHERE org_id = ? ORDER BY id').all(org.id) as {
      id: number;
    }[];
    const agent =
      assignee === null
        ? null
        : (db.prepare('SELECT id FROM users WHERE org_id = ? AND username = ?').get(org.id, assignee) as {
            id: number;
          });
    const last = db.prepare('SELECT max(number) AS n FROM tickets WHERE org_id = ?').get(org.id) as {
      n: number | null;
    };
    const ticket = db.prepare(
      `INSERT INTO tickets (org_id, number, customer_id, subject, status, priority, tags, assignee_id, assigned_at,
         answered, first_response_at, last_seq, last_public_seq, customer_messages, last_customer_at, created_at,
         updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?, ?)`,
    );
    const message = db.prepare(
      `INSERT INTO ticket_messages (ticket_id, seq, public_seq, kind, author_kind, body, created_at)
       VALUES (?, 1, 1, 'message', 'customer', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const number = (last.n ?? 0) + 1 + i;
        const at = now - (count - i) * 60_000;
        const customer = customers[i % customers.length];
        if (!customer) throw new Error('the demo shop has no customers');
        const result = ticket.run(
          org.id,
          number,
          customer.id,
          `${subjects[i % subjects.length]} ${number}`,
          agent ? 'open' : 'new',
          priority ?? priorities[i % priorities.length],
          JSON.stringify(i % 3 === 0 ? ['物流'] : i % 3 === 1 ? ['退款'] : []),
          agent?.id ?? null,
          agent ? at : null,
          answered ? 1 : 0,
          answered ? at + 30_000 : null,
          at,
          at,
          at,
        );
        message.run(result.lastInsertRowid, bodies[i % bodies.length], at);
      }
    })();
  } finally {
    db.close();
  }
}
