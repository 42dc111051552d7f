import type { CommandTable, PushTable } from './command';

/** Pay: rules, the earnings ledger, statements, output and exports (filled by the Shifts issue). */
export const payCommands = {} satisfies CommandTable;
export const payPushes = {} satisfies PushTable;
