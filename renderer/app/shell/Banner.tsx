import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/protocol';
import { Button } from '../ui/Button';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import './Banner.css';

export interface BannerProps extends HTMLAttributes<HTMLElement> {
  user: SessionUser;
  onSignOut: () => void;
}

export function Banner({ user, onSignOut, className, ...rest }: BannerProps) {
  const { t } = useTranslation(['shell', 'common']);
  return (
    <header className={['banner', className].filter(Boolean).join(' ')} {...rest}>
      <div className="banner__brand">
        <p className="banner__product">{t('common:productName')}</p>
        <p className="banner__organisation">{user.organisation.name}</p>
      </div>
      <ConnectionStatus className="banner__status" />
      <div className="banner__tools">
        <LanguageSwitch />
        <div className="banner__account" role="group" aria-label={t('account')}>
          <p className="banner__user">{user.displayName}</p>
          <Button onClick={onSignOut}>{t('signOut')}</Button>
        </div>
      </div>
    </header>
  );
}
