import type { CommandTable, PushTable } from './command';

/** Shifts: clock events, the worker's shift state, the roster and timesheets (filled by the Shifts issue). */
export const shiftsCommands = {} satisfies CommandTable;
export const shiftsPushes = {} satisfies PushTable;
