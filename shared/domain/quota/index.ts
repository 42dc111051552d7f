export * from './certificate';
export * from './counting';
export * from './levy';
export * from './parameters';
export * from './rounding';
export * from './year';
