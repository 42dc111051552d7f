import { z } from 'zod';
import { accommodationProfileSchema, agentPresences } from '../domain/tickets/assignment';
import { slaTargetsSchema } from '../domain/tickets/sla';
import { ticketPriorities, ticketStatuses } from '../domain/tickets/ticket-status';
import { ephemeral, mutation, push, query } from './command';
import { commandIdSchema, epochMsSchema, rowIdSchema } from './ids';
import { keyedStreamPageInput, maxStreamPage, streamPageOutput } from './stream';
import { limitedText, text } from './text';

/**
 * The Tickets job as a worker's socket sees it: the queue, one conversation,
 * replies and notes, the actions on a ticket, presence and accommodation
 * profiles, canned replies, and the ephemeral "who is looking" events. The
 * customer's side of the same conversation is `./chat.ts`.
 */

export const ticketStatusSchema = z.enum(ticketStatuses);
export const ticketPrioritySchema = z.enum(ticketPriorities);
export const agentPresenceSchema = z.enum(agentPresences);

/** A reply or note's length limit, in characters (code points). */
export const ticketBodyMax = 4000;
export const ticketBodySchema = limitedText(ticketBodyMax).min(1);

export const tagSchema = limitedText(32).min(1);
export const tagsSchema = z.array(tagSchema).max(12);

const person = z.object({ id: z.number().int(), displayName: z.string() });

export const attachmentSchema = z.object({
  /** The photo's address on the hub is `/attachments/<id>`: 128 random bits, base64url. */
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** What the hub writes into a conversation itself: shown in the history as a line of its own. */
export const ticketEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created') }),
  z.object({ type: z.literal('assigned'), agent: person, by: person.nullable() }),
  /** Returned to the queue: the agent went away, was too slow under their profile, or handed it back. */
  z.object({
    type: z.literal('unassigned'),
    reason: z.enum(['away', 'slow_reply', 'released', 'transferred_to_queue']),
  }),
  z.object({ type: z.literal('transferred'), from: person, to: person, note: z.string().nullable() }),
  z.object({ type: z.literal('status'), status: ticketStatusSchema, until: epochMsSchema.nullable() }),
  z.object({ type: z.literal('rated'), score: z.number().int().min(1).max(5) }),
]);
export type TicketEvent = z.infer<typeof ticketEventSchema>;

export const ticketMessageSchema = z.object({
  seq: z.number().int().positive(),
  /** The client-made id it was sent under; null for events the hub wrote. */
  commandId: z.string().nullable(),
  kind: z.enum(['message', 'note', 'event']),
  author: z.object({
    kind: z.enum(['customer', 'agent', 'system']),
    id: z.number().int().nullable(),
    name: z.string(),
  }),
  body: z.string(),
  event: ticketEventSchema.nullable(),
  attachment: attachmentSchema.nullable(),
  createdAt: epochMsSchema,
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

export const csatSchema = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  at: epochMsSchema,
});

/** One row of the queue; also what every change to a ticket pushes. */
export const ticketSummarySchema = z.object({
  id: rowIdSchema,
  number: z.number().int().positive(),
  subject: z.string(),
  status: ticketStatusSchema,
  priority: ticketPrioritySchema,
  tags: z.array(z.string()),
  customer: z.object({ id: z.number().int(), name: z.string(), locale: z.enum(['zh-CN', 'en']) }),
  /** The shop's order number, or what the customer typed when it matched none. */
  orderNumber: z.string().nullable(),
  assignee: person.nullable(),
  assignedAt: epochMsSchema.nullable(),
  answered: z.boolean(),
  snoozedUntil: epochMsSchema.nullable(),
  firstResponseAt: epochMsSchema.nullable(),
  resolvedAt: epochMsSchema.nullable(),
  /** For the SLA clock (shared/domain/tickets/sla.ts). */
  slaPausedMs: z.number().int().nonnegative(),
  slaPausedSince: epochMsSchema.nullable(),
  lastSeq: z.number().int().nonnegative(),
  lastMessage: z
    .object({
      authorKind: z.enum(['customer', 'agent', 'system']),
      excerpt: z.string(),
      at: epochMsSchema,
    })
    .nullable(),
  /** Messages the customer wrote; unread = this minus the agent's `readCount`. */
  customerMessages: z.number().int().nonnegative(),
  lastCustomerAt: epochMsSchema.nullable(),
  csat: csatSchema.nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const customerDetailSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  since: epochMsSchema,
});

export const orderStatusSchema = z.enum(['pending', 'paid', 'shipped', 'delivered', 'refunded', 'cancelled']);
export const orderSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: orderStatusSchema,
  totalFen: z.number().int().nonnegative(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  items: z.array(z.object({ name: z.string(), quantity: z.number().int().positive() })),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const queueViews = ['mine', 'unassigned', 'open', 'snoozed', 'resolved', 'all'] as const;
export const queueViewSchema = z.enum(queueViews);
export type QueueView = z.infer<typeof queueViewSchema>;
export const queueSorts = ['updated', 'created', 'breach', 'priority'] as const;
export type QueueSort = (typeof queueSorts)[number];

/** Most rows one list request returns; a virtual list asks for the window it shows. */
export const maxQueuePage = 200;

export const ticketsListInput = z
  .object({
    view: queueViewSchema,
    /** Full text over messages, customer names and order numbers (FTS5 trigram). */
    search: limitedText(100).optional(),
    status: ticketStatusSchema.optional(),
    priority: ticketPrioritySchema.optional(),
    tag: tagSchema.optional(),
    /** Supervisors: one agent's queue. */
    assigneeId: rowIdSchema.optional(),
    sort: z.enum(queueSorts).default('updated'),
    offset: z.number().int().nonnegative().max(1_000_000).default(0),
    limit: z.number().int().min(1).max(maxQueuePage).default(50),
  })
  .strict();
export type TicketsListInput = z.input<typeof ticketsListInput>;
export const ticketsListOutput = z.object({
  items: z.array(ticketSummarySchema),
  /** Rows matching, for the virtual list's height. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** The agent's read state for the rows returned, by ticket id. */
  readCounts: z.record(z.string(), z.number().int().nonnegative()),
});

const ticketRef = z.object({ ticketId: rowIdSchema }).strict();

export const ticketDetailSchema = z.object({
  ticket: ticketSummarySchema,
  customer: customerDetailSchema,
  order: orderSummarySchema.nullable(),
  readCount: z.number().int().nonnegative(),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketMessagesInput = keyedStreamPageInput({ ticketId: rowIdSchema });
export const ticketMessagesOutput = streamPageOutput(ticketMessageSchema);

export const ticketReplyInput = z
  .object({
    id: commandIdSchema,
    ticketId: rowIdSchema,
    body: ticketBodySchema,
    /** An internal note: agents only, never sent to the customer. */
    internal: z.boolean(),
    /**
     * The newest seq the agent had seen when they pressed Send. A reply (not
     * a note) is refused with `changed` when the customer or a colleague wrote
     * after it, unless `force`: the agent reviewed and sends anyway.
     */
    seenSeq: z.number().int().nonnegative(),
    force: z.boolean().default(false),
    /** The canned reply it started from: the suggestions learn from it. */
    cannedId: rowIdSchema.optional(),
  })
  .strict();
export const ticketReplyOutput = z.object({ message: ticketMessageSchema, ticket: ticketSummarySchema });

const ticketChangeOutput = z.object({ ticket: ticketSummarySchema });

export const ticketClaimInput = z.object({ id: commandIdSchema, ticketId: rowIdSchema }).strict();
export const ticketTransferInput = z
  .object({
    id: commandIdSchema,
    ticketId: rowIdSchema,
    /** Null: back to the queue. */
    toUserId: rowIdSchema.nullable(),
    note: limitedText(500).optional(),
  })
  .strict();
export const ticketStatusInput = z
  .object({
    id: commandIdSchema,
    ticketId: rowIdSchema,
    /** `open` on a resolved ticket reopens it. */
    status: z.enum(['open', 'pending', 'snoozed', 'resolved']),
    /** Required for `snoozed`; at most 90 days ahead. */
    snoozeUntil: epochMsSchema.optional(),
  })
  .strict()
  .refine((i) => (i.status === 'snoozed') === (i.snoozeUntil !== undefined), {
    message: 'snoozeUntil is given with status snoozed, and only then',
  });
export const ticketUpdateInput = z
  .object({
    id: commandIdSchema,
    ticketId: rowIdSchema,
    priority: ticketPrioritySchema.optional(),
    tags: tagsSchema.optional(),
  })
  .strict();
export const ticketReadInput = z
  .object({ id: commandIdSchema, ticketId: rowIdSchema, readCount: z.number().int().nonnegative() })
  .strict();
export const ticketReadOutput = z.object({ readCount: z.number().int().nonnegative() });

export const queueCountsSchema = z.object({
  mine: z.number().int().nonnegative(),
  unassigned: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  snoozed: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  /** Tickets assigned to the agent with customer messages they have not read. */
  unreadMine: z.number().int().nonnegative(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const ticketContextOutput = z.object({
  orders: z.array(orderSummarySchema).max(20),
  /** The customer's other tickets, newest first. */
  tickets: z.array(ticketSummarySchema).max(20),
});

export const suggestionSchema = z.object({ cannedId: rowIdSchema, score: z.number() });
export const ticketSuggestOutput = z.object({
  /** Best first, at most three, for the customer's newest message. */
  suggestions: z.array(suggestionSchema).max(3),
  /** The seq of the customer message they answer; null when the customer has not written. */
  forSeq: z.number().int().positive().nullable(),
});

/** The accommodation profile (shared/domain/tickets/assignment.ts): its limits are the domain's. */
export const accommodationSchema = accommodationProfileSchema;
export type Accommodation = z.infer<typeof accommodationSchema>;

export const agentSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  presence: agentPresenceSchema,
  presenceSince: epochMsSchema,
  /** Assigned tickets that count toward the limit. */
  load: z.number().int().nonnegative(),
  profile: accommodationSchema,
});
export type Agent = z.infer<typeof agentSchema>;

export const setPresenceInput = z.object({ id: commandIdSchema, presence: agentPresenceSchema }).strict();
export const setProfileInput = z
  .object({ id: commandIdSchema, userId: rowIdSchema, profile: accommodationSchema })
  .strict();
export const agentOutput = z.object({ agent: agentSchema });

export const ticketSettingsSchema = z.object({
  assignmentMode: z.enum(['auto', 'claim']),
  sla: slaTargetsSchema,
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;
export const saveSettingsInput = z
  .object({ id: commandIdSchema, assignmentMode: z.enum(['auto', 'claim']), sla: slaTargetsSchema })
  .strict();

export const cannedReplySchema = z.object({
  id: rowIdSchema,
  /** Null: organisation-wide. */
  ownerId: z.number().int().nullable(),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  locale: z.enum(['zh-CN', 'en']).nullable(),
  updatedAt: epochMsSchema,
});
export type CannedReply = z.infer<typeof cannedReplySchema>;

/** "/wl", "/refund": typed in the reply box to insert the reply. */
export const cannedShortcutSchema = text()
  .trim()
  .regex(/^\/[\p{L}\p{N}_-]{1,24}$/u, 'a slash, then up to 24 letters, digits, dashes or underscores');

export const cannedScopes = ['org', 'mine', 'agent'] as const;
/**
 * Replies one list holds at most (the organisation's, or one agent's own):
 * every list is read whole and ranked for each customer message, so none may
 * grow without end. The demo has 26; a busy shop has a few dozen.
 */
export const maxCannedPerList = 200;

export const cannedSaveInput = z
  .object({
    id: commandIdSchema,
    /** Absent: a new reply. */
    cannedId: rowIdSchema.optional(),
    /**
     * `org` needs the supervisor role; `agent` is one agent's personal reply
     * (`ownerId`), kept by a supervisor for them (or by that agent).
     */
    scope: z.enum(cannedScopes),
    /** Whose personal reply: with scope `agent` only, so a save never lands in a list nobody meant. */
    ownerId: rowIdSchema.optional(),
    shortcut: cannedShortcutSchema,
    title: limitedText(80).min(1),
    body: ticketBodySchema,
    locale: z.enum(['zh-CN', 'en']).nullable(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.scope === 'agent' && input.ownerId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ownerId'],
        message: 'scope "agent" needs ownerId: the agent whose reply it is',
      });
    } else if (input.scope !== 'agent' && input.ownerId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ownerId'],
        message: `ownerId goes with scope "agent" only, not "${input.scope}"`,
      });
    }
  });
/**
 * Without `ownerId`: what the caller may insert (the organisation's and their
 * own). With it: that agent's personal replies only, for a supervisor
 * managing them (or the agent themself).
 */
export const cannedListInput = z.object({ ownerId: rowIdSchema.optional() }).strict();
export const cannedDeleteInput = z.object({ id: commandIdSchema, cannedId: rowIdSchema }).strict();

const agentRoles = ['agent', 'supervisor'] as const;
const supervisorOnly = ['supervisor'] as const;
const ticketLane = (input: { ticketId: number }): string => `ticket:${input.ticketId}`;
const nothingTyped = (): null => null;

export const ticketsCommands = {
  'tickets.list': query({ input: ticketsListInput, output: ticketsListOutput, roles: agentRoles }),
  'tickets.counts': query({ input: z.object({}).strict(), output: queueCountsSchema, roles: agentRoles }),
  'tickets.get': query({ input: ticketRef, output: ticketDetailSchema, roles: agentRoles }),
  'tickets.messages': query({ input: ticketMessagesInput, output: ticketMessagesOutput, roles: agentRoles }),
  'tickets.context': query({ input: ticketRef, output: ticketContextOutput, roles: agentRoles }),
  'tickets.suggest': query({ input: ticketRef, output: ticketSuggestOutput, roles: agentRoles }),
  'tickets.reply': mutation({
    input: ticketReplyInput,
    output: ticketReplyOutput,
    roles: agentRoles,
    outbox: { lane: ticketLane, typed: (input) => input.body },
  }),
  'tickets.claim': mutation({
    input: ticketClaimInput,
    output: ticketChangeOutput,
    roles: agentRoles,
    outbox: { lane: ticketLane, typed: nothingTyped },
  }),
  'tickets.transfer': mutation({
    input: ticketTransferInput,
    output: ticketChangeOutput,
    roles: agentRoles,
    outbox: { lane: ticketLane, typed: (input) => input.note ?? null },
  }),
  'tickets.setStatus': mutation({
    input: ticketStatusInput,
    output: ticketChangeOutput,
    roles: agentRoles,
    outbox: { lane: ticketLane, typed: nothingTyped },
  }),
  'tickets.update': mutation({
    input: ticketUpdateInput,
    output: ticketChangeOutput,
    roles: agentRoles,
    outbox: { lane: ticketLane, typed: nothingTyped },
  }),
  'tickets.read': mutation({
    input: ticketReadInput,
    output: ticketReadOutput,
    roles: agentRoles,
    // Its own lane: a read mark never waits behind a reply stuck on the same conversation.
    outbox: { lane: (input) => `ticket-read:${input.ticketId}`, typed: nothingTyped },
  }),
  'agents.list': query({ input: z.object({}).strict(), output: z.array(agentSchema), roles: agentRoles }),
  'agents.setPresence': mutation({
    input: setPresenceInput,
    output: agentOutput,
    roles: agentRoles,
    outbox: { lane: () => 'presence', typed: nothingTyped },
  }),
  'agents.setProfile': mutation({
    input: setProfileInput,
    output: agentOutput,
    roles: supervisorOnly,
    outbox: { lane: (input) => `profile:${input.userId}`, typed: nothingTyped },
  }),
  'tickets.settings': query({
    input: z.object({}).strict(),
    output: ticketSettingsSchema,
    roles: agentRoles,
  }),
  'tickets.saveSettings': mutation({
    input: saveSettingsInput,
    output: ticketSettingsSchema,
    roles: supervisorOnly,
    outbox: { lane: () => 'ticket-settings', typed: nothingTyped },
  }),
  'canned.list': query({
    input: cannedListInput,
    output: z.array(cannedReplySchema),
    roles: agentRoles,
  }),
  'canned.save': mutation({
    input: cannedSaveInput,
    output: z.object({ canned: cannedReplySchema }),
    roles: agentRoles,
    outbox: { lane: () => 'canned', typed: (input) => input.body },
  }),
  'canned.delete': mutation({
    input: cannedDeleteInput,
    output: z.object({ cannedId: rowIdSchema }),
    roles: agentRoles,
    outbox: { lane: () => 'canned', typed: nothingTyped },
  }),
};

/** "Viewing" or "typing" in a conversation: seen by colleagues for a few seconds, never stored. */
export const ticketActivityInput = z
  .object({
    ticketId: rowIdSchema,
    activity: z.enum(['viewing', 'typing', 'left']),
    /** Typing a note: colleagues see it, the customer does not. */
    internal: z.boolean().default(false),
  })
  .strict();

export const ticketsEphemerals = {
  'tickets.activity': ephemeral({ input: ticketActivityInput, roles: agentRoles, perSecond: 4 }),
};

export const ticketsChangedPush = z.object({
  tickets: z.array(ticketSummarySchema).min(1).max(maxStreamPage),
});
export const ticketMessagesPush = z.object({
  ticketId: rowIdSchema,
  messages: z.array(ticketMessageSchema).min(1).max(maxStreamPage),
});
export const ticketActivityPush = z.object({
  ticketId: rowIdSchema,
  user: person,
  activity: z.enum(['viewing', 'typing', 'left']),
});
/** To the agent's own room: a ticket was just assigned to them (the notice, the sound, the OS notification). */
export const ticketAssignedPush = z.object({ ticket: ticketSummarySchema });
export const agentChangedPush = z.object({ agent: agentSchema });

export const ticketsPushes = {
  'tickets.changed': push({ payload: ticketsChangedPush, durable: true }),
  'tickets.messages': push({ payload: ticketMessagesPush, durable: true }),
  'tickets.assigned': push({ payload: ticketAssignedPush, durable: true }),
  'tickets.activity': push({ payload: ticketActivityPush, durable: false }),
  'agents.changed': push({ payload: agentChangedPush, durable: true }),
  'canned.changed': push({ payload: z.object({}), durable: true }),
  /** A supervisor changed the assignment mode or SLA targets: every agent's timers read the new ones. */
  'tickets.settingsChanged': push({ payload: ticketSettingsSchema, durable: true }),
  /** The customer is writing (from `/chat`): shown on the ticket for a few seconds. */
  'tickets.customerTyping': push({ payload: z.object({ ticketId: rowIdSchema }), durable: false }),
};
