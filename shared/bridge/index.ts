export * from './channels';
export * from './settings';
export * from './outbox';
export type { WingsBridge } from './api';
