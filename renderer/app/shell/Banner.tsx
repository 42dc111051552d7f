import type { HTMLAttributes } from 'react';
import { LogOut, Settings } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/protocol';
import { useConnectionState } from '../../session/hooks';
import { Avatar, type Presence } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useSignOutAction } from './shell-actions';
import { formatRoute } from '../router/routes';
import { NotSentButton } from '../outbox/NotSentButton';
import { BrandMark } from './BrandMark';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import './Banner.css';

export interface BannerProps extends HTMLAttributes<HTMLElement> {
  user: SessionUser;
  onSignOut: () => void;
  /** The settings page is showing: its link is marked as the current page. */
  settingsOpen?: boolean;
  onOpenSettings: () => void;
}

/** The worker's own presence as the team would see it: reachable while this workstation is connected. */
const presenceOf = {
  connected: 'available',
  reconnecting: 'away',
  offline: 'offline',
} as const satisfies Record<ReturnType<typeof useConnectionState>, Presence>;
const presences = Object.values(presenceOf);

/** Three groups: who and where (brand, organisation), how things stand (connection, not sent), and the worker's tools. */
export function Banner({
  user,
  onSignOut,
  settingsOpen = false,
  onOpenSettings,
  className,
  ...rest
}: BannerProps) {
  const { t } = useTranslation(['shell', 'common', 'settings']);
  const presence = presenceOf[useConnectionState()];
  useSignOutAction(onSignOut);
  return (
    <header className={['banner', className].filter(Boolean).join(' ')} {...rest}>
      <div className="banner__brand">
        <BrandMark />
        <p className="banner__product">{t('common:productName')}</p>
        <p className="banner__organisation">{user.organisation.name}</p>
      </div>
      <div className="banner__status">
        <ConnectionStatus />
        <NotSentButton />
      </div>
      <div className="banner__tools">
        <a
          href={formatRoute({ name: 'settings' })}
          className="banner__settings"
          aria-current={settingsOpen ? 'page' : undefined}
          // The short word is shown, to keep the banner on one row; the name keeps the page's full title.
          aria-label={t('settings:title')}
          onClick={(event) => {
            event.preventDefault();
            onOpenSettings();
          }}
        >
          <Icon icon={Settings} size="sm" />
          {t('settingsLink')}
        </a>
        <LanguageSwitch />
        <div className="banner__account" role="group" aria-label={t('account')}>
          <Avatar name={user.displayName} presence={presence} />
          <div className="banner__user">
            <p className="banner__name">{user.displayName}</p>
            {/* Every word takes the same cell, the current one visible: a change moves nothing around it. */}
            <p className="banner__presence">
              {presences.map((word) => (
                <span key={word} className={word === presence ? undefined : 'banner__presence-spare'}>
                  {t(`presence.${word}`)}
                </span>
              ))}
            </p>
          </div>
          <Button ghost icon={LogOut} onClick={onSignOut}>
            {t('signOut')}
          </Button>
        </div>
      </div>
    </header>
  );
}
