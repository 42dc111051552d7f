import type { HTMLAttributes } from 'react';
import { LogOut, Settings } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/protocol';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useSignOutAction } from './shell-actions';
import { formatRoute } from '../router/routes';
import { NotSentButton } from '../outbox/NotSentButton';
import { AccountIdentity } from './AccountIdentity';
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
          <AccountIdentity user={user} />
          <Button ghost icon={LogOut} onClick={onSignOut}>
            {t('signOut')}
          </Button>
        </div>
      </div>
    </header>
  );
}
