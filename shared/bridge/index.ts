export * from './channels';
export * from './settings';
export * from './outbox';
export * from './session';
export * from './events';
export * from './clock';
export type { WingsBridge } from './api';
