export * from './ack';
export * from './ids';
export * from './auth';
export * from './events';
export * as adminProtocol from './admin';
export * as sessionProtocol from './session';
export * as teamProtocol from './team';
export type { TeamMessage } from './team';
export type { UserSummary } from './admin';
