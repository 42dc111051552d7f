import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotSentEntry, NotSentReason } from '../../../shared/bridge';
import { errorCodes, type ErrorCode, type MutatingCommandName } from '../../../shared/protocol';

/** The commands a worker can find in "not sent", by the words for them: a new mutation needs its words here. */
const commandKeys = {
  'team.post': 'teamPost',
  'admin.users.create': 'adminUsersCreate',
  'admin.users.resetPassword': 'adminUsersResetPassword',
  'admin.users.setRoles': 'adminUsersSetRoles',
  'tickets.reply': 'ticketsReply',
  'tickets.claim': 'ticketsClaim',
  'tickets.transfer': 'ticketsTransfer',
  'tickets.setStatus': 'ticketsSetStatus',
  'tickets.update': 'ticketsUpdate',
  'tickets.read': 'ticketsRead',
  'agents.setPresence': 'agentsSetPresence',
  'agents.setProfile': 'agentsSetProfile',
  'tickets.saveSettings': 'ticketsSaveSettings',
  'canned.save': 'cannedSave',
  'canned.delete': 'cannedDelete',
  'live.product.save': 'liveProductSave',
  'live.broadcast.start': 'liveBroadcastStart',
  'live.broadcast.end': 'liveBroadcastEnd',
  'live.pin': 'livePin',
  'live.sale.start': 'liveSaleStart',
  'live.sale.end': 'liveSaleEnd',
  'live.comment.delete': 'liveCommentDelete',
  'live.comment.pin': 'liveCommentPin',
  'live.viewer.mute': 'liveViewerMute',
  'live.keywords.save': 'liveKeywordsSave',
  'live.script.save': 'liveScriptSave',
  'live.script.delete': 'liveScriptDelete',
  'pay.saveRule': 'paySaveRule',
  'ledger.correct': 'ledgerCorrect',
  'orders.refund': 'ordersRefund',
  'shifts.clock': 'shiftsClock',
  'timesheets.approve': 'timesheetsApprove',
  'timesheets.return': 'timesheetsReturn',
  'timesheets.editShift': 'timesheetsEditShift',
  'quota.savePerson': 'quotaSavePerson',
  'quota.removePerson': 'quotaRemovePerson',
  'quota.saveMonth': 'quotaSaveMonth',
  'quota.saveSettings': 'quotaSaveSettings',
} as const satisfies Record<MutatingCommandName, string>;
type CommandKey = (typeof commandKeys)[keyof typeof commandKeys] | 'other';

function commandKey(event: string): CommandKey {
  return Object.prototype.hasOwnProperty.call(commandKeys, event)
    ? commandKeys[event as keyof typeof commandKeys]
    : 'other';
}

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

/** Long enough to tell items apart in an accessible name, short enough to say. */
const shortLength = 60;

export interface NotSentWords {
  /** What the worker typed, or what kind of command it was when nothing was typed. */
  what(entry: NotSentEntry): string;
  /** The same, cut short for names of groups and questions. */
  short(entry: NotSentEntry): string;
  reason(reason: NotSentReason): string;
}

export function useNotSentWords(): NotSentWords {
  const { t } = useTranslation(['outbox', 'errors']);
  // One object per language, so an effect that depends on it is not run again on every render.
  return useMemo(() => {
    const what = (entry: NotSentEntry) =>
      entry.typed?.trim()
        ? entry.typed
        : t('outbox:nothingTyped', { command: t(`outbox:commands.${commandKey(entry.event)}`) });
    return {
      what,
      short: (entry) => {
        const full = what(entry).replace(/\s+/g, ' ').trim();
        const chars = [...full];
        return chars.length > shortLength ? `${chars.slice(0, shortLength - 1).join('')}…` : full;
      },
      reason: ({ code }) => (isErrorCode(code) ? t(`errors:codes.${code}`) : t(`outbox:reasons.${code}`)),
    };
  }, [t]);
}
