export * from './scan-tree';
export * from './scan-settings';
export * from './scan-levels';
export * from './scanner';
export * from './switch-input';
export * from './scan-cost';
export * from './key-filters';
export * from './shortcuts';
