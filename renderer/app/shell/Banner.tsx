import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/protocol';
import { useSignOutAction } from './shell-actions';
import { Button } from '../../ui/Button';
import { formatRoute } from '../router/routes';
import { NotSentButton } from '../outbox/NotSentButton';
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

export function Banner({
  user,
  onSignOut,
  settingsOpen = false,
  onOpenSettings,
  className,
  ...rest
}: BannerProps) {
  const { t } = useTranslation(['shell', 'common', 'settings']);
  useSignOutAction(onSignOut);
  return (
    <header className={['banner', className].filter(Boolean).join(' ')} {...rest}>
      <div className="banner__brand">
        <p className="banner__product">{t('common:productName')}</p>
        <p className="banner__organisation">{user.organisation.name}</p>
      </div>
      <ConnectionStatus className="banner__status" />
      <NotSentButton />
      <div className="banner__tools">
        <a
          href={formatRoute({ name: 'settings' })}
          className="banner__settings"
          aria-current={settingsOpen ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onOpenSettings();
          }}
        >
          {t('settings:title')}
        </a>
        <LanguageSwitch />
        <div className="banner__account" role="group" aria-label={t('account')}>
          <p className="banner__user">{user.displayName}</p>
          <Button onClick={onSignOut}>{t('signOut')}</Button>
        </div>
      </div>
    </header>
  );
}
