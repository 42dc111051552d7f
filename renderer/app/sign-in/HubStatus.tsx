import { useTranslation } from 'react-i18next';
import { isNoticeableSkew } from '../../../shared/domain/clock-skew';
import { protocolVersion } from '../../../shared/protocol';
import type { HubCheckState } from '../../net/hub-check';

/**
 * What the hub said when asked who it is, in one polite status line: the
 * worker hears it once, without losing their place in the form. A clock far
 * from the hub's is said too, since shift times are checked against the hub.
 */
export function HubStatus({ state }: { state: HubCheckState }) {
  const { t } = useTranslation('auth');
  const lines: string[] = [];
  if (state.status === 'checking') lines.push(t('hubCheck.checking'));
  if (state.status === 'unreachable') lines.push(t('hubCheck.unreachable'));
  if (state.status === 'reachable') lines.push(t('hubCheck.reachable'));
  if (state.status === 'incompatible')
    lines.push(t('hubCheck.incompatible', { theirs: state.protocol, ours: protocolVersion }));
  if ((state.status === 'reachable' || state.status === 'incompatible') && isNoticeableSkew(state.skewMs))
    lines.push(t('hubCheck.clock', { count: Math.round(Math.abs(state.skewMs) / 60_000) }));
  const warn = state.status === 'unreachable' || state.status === 'incompatible' || lines.length > 1;
  return (
    <p
      role="status"
      className={['sign-in__hub-status', warn ? 'sign-in__hub-status--warn' : null].filter(Boolean).join(' ')}
    >
      {lines.join(' ')}
    </p>
  );
}
