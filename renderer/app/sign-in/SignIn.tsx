import {
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type HTMLAttributes,
} from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useHost } from '../../host/HostProvider';
import type { AuthStore, SignInFailure } from '../../session/auth-store';
import type { HubCheck } from '../../net/hub-check';
import { HostNotice } from '../shell/HostNotice';
import { BrandMark } from '../shell/BrandMark';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { alwaysHosted, type HostStatus } from '../../net/host-status';
import { HubStatus } from './HubStatus';
import { useRetryWait } from './use-retry-wait';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import './SignIn.css';

/** The demo organisation's fixed accounts; the host tells us only whether it was seeded and the password. */
const demoUsers = { agent: 'agent', anchor: 'anchor', employer: 'employer' } as const;

export interface SignInProps extends Omit<HTMLAttributes<HTMLElement>, 'onSubmit'> {
  /** Signs in through the host, which keeps the session. */
  auth: AuthStore;
  hubCheck: HubCheck;
  /** Why the worker is back here, e.g. the session expired. */
  notice?: string | null;
  /** Web mode: whether the host is reachable, for the notice when it is not. */
  hostStatus?: HostStatus;
  /** After signing out or an expired session: the worker's next step is the username field. */
  focusOnMount?: boolean;
}

/** Lets password managers and the browser fill the form. */
const usernameInput = {
  name: 'username',
  autoComplete: 'username',
  autoCapitalize: 'none',
  spellCheck: false,
};
const passwordInput = { name: 'password', type: 'password', autoComplete: 'current-password' };

export function SignIn({
  auth,
  hubCheck,
  notice,
  hostStatus = alwaysHosted,
  focusOnMount = false,
  className,
  ...rest
}: SignInProps) {
  const { t } = useTranslation(['auth', 'errors', 'common', 'shell']);
  const { info: hostInfo } = useHost();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [busy, setBusy] = useState(false);
  /** When the hub's sign-in limiter lets this worker try again (its own figure, not a guess). */
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const wait = useRetryWait(failure === 'rate_limited' ? lockedUntil : null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const alertId = useId();

  useEffect(() => {
    if (focusOnMount) usernameRef.current?.focus();
  }, [focusOnMount]);

  const hub = useSyncExternalStore(hubCheck.subscribe, () => hubCheck.state);
  useEffect(() => void hubCheck.check(), [hubCheck]);

  useEffect(() => {
    document.title = t('shell:documentTitle', { workspace: t('title') });
  }, [t]);

  const failureText = (reason: SignInFailure) => {
    if (reason === 'wrong_credentials') return t('wrongCredentials');
    if (reason === 'network') return t('errors:network');
    if (reason === 'several_organisations') return t('severalOrganisations');
    if (reason === 'rate_limited' && wait) {
      if (wait.unit === 'now') return t('lockedOver');
      return wait.unit === 'minutes'
        ? t('lockedMinutes', { count: wait.count })
        : t('lockedSeconds', { count: wait.count });
    }
    return t(`errors:codes.${reason}`);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const errors = {
      username: username.trim() ? undefined : t('usernameRequired'),
      password: password ? undefined : t('passwordRequired'),
    };
    setFieldErrors(errors);
    setFailure(null);
    if (errors.username || errors.password) {
      (errors.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    const result = await auth.signIn(username.trim(), password);
    // Signed in: this form is already gone, the shell shows instead.
    if (result.ok) return;
    setBusy(false);
    setFailure(result.reason);
    setLockedUntil(result.retryAfterMs === undefined ? null : Date.now() + result.retryAfterMs);
    if (result.reason === 'wrong_credentials') {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  const formError = failure ? failureText(failure) : null;
  const describedBy = formError ? alertId : undefined;

  return (
    <div className={['sign-in', className].filter(Boolean).join(' ')} {...rest}>
      <header className="sign-in__top">
        <p className="sign-in__product">
          <BrandMark />
          {t('common:productName')}
        </p>
        <LanguageSwitch />
      </header>
      <main className="sign-in__main">
        <section className="sign-in__card" aria-labelledby={titleId}>
          <h1 id={titleId} className="sign-in__title">
            {t('title')}
          </h1>
          <p className="sign-in__intro">{t('intro')}</p>
          {/* Where the password goes, so a hub changed behind the worker's back is seen before they type it. */}
          <p className="sign-in__hub">
            {hostInfo.embeddedHub ? t('hubBuiltIn') : t('hubLine', { hub: hostInfo.hubUrl })}
          </p>
          <HubStatus state={hub} />
          <HostNotice status={hostStatus} />
          {notice ? <Alert info>{notice}</Alert> : null}
          <form className="sign-in__form" noValidate onSubmit={(event) => void submit(event)}>
            <Alert id={alertId}>{formError}</Alert>
            <TextField
              ref={usernameRef}
              label={t('username')}
              {...usernameInput}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              error={fieldErrors.username}
              describedBy={describedBy}
              aria-invalid={formError ? true : undefined}
            />
            <TextField
              ref={passwordRef}
              label={t('password')}
              {...passwordInput}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
              describedBy={describedBy}
              aria-invalid={formError ? true : undefined}
            />
            <Button type="submit" primary className="sign-in__submit" aria-disabled={busy || undefined}>
              {busy ? t('submitting') : t('submit')}
            </Button>
          </form>
          {hostInfo.embeddedHub && hostInfo.demoPassword ? (
            <div className="sign-in__demo">
              <h2 className="sign-in__demo-title">{t('demoTitle')}</h2>
              <p>
                <Trans
                  t={t}
                  i18nKey="demoHint"
                  values={{ ...demoUsers, password: hostInfo.demoPassword }}
                  components={{ b: <strong /> }}
                />
              </p>
            </div>
          ) : null}
        </section>
      </main>
    </div>
  );
}
