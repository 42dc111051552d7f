export * from './ticket-status';
export * from './assignment';
export * from './sla';
export * from './canned-variables';
export * from './suggest-replies';
