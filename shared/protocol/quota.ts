import type { CommandTable } from './command';

/** The disability-employment quota report (filled by the Shifts issue). */
export const quotaCommands = {} satisfies CommandTable;
