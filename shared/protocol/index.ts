export * from './ack';
export * from './ids';
export * from './auth';
export * from './command';
export * from './events';
export * from './stream';
export * from './text';
export * as adminProtocol from './admin';
export * as publicProtocol from './public';
export * as sessionProtocol from './session';
export * as teamProtocol from './team';
export * as ticketsProtocol from './tickets';
export * as chatProtocol from './chat';
export type { TeamMessage } from './team';
export type {
  Agent,
  Accommodation,
  Attachment,
  CannedReply,
  OrderSummary,
  QueueCounts,
  QueueView,
  QueueSort,
  TicketDetail,
  TicketEvent,
  TicketMessage,
  TicketSettings,
  TicketSummary,
} from './tickets';
export type { ChatMessage, ChatState } from './chat';
export type { UserSummary } from './admin';
export type { HubHello } from './public';
export { protocolVersion } from './public';
