import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { A11yProfile, SettingsPatch } from '../../../shared/bridge';
import type { Ack } from '../../../shared/protocol';
import { useHost } from '../../host/HostProvider';
import { applyProfileToDocument } from './apply-profile';

type ProfilePatch = NonNullable<SettingsPatch['a11y']>;

interface ProfileContextValue {
  profile: A11yProfile;
  /** Saves on the host first, then shows what the host kept: the disk is the truth. */
  update(patch: ProfilePatch): Promise<Ack<A11yProfile>>;
}

const ProfileContext = createContext<ProfileContextValue | null>(null);

export interface ProfileProviderProps {
  initial: A11yProfile;
  children: ReactNode;
}

/** The worker's accessibility profile, live: every screen reads it here and changes apply at once. */
export function ProfileProvider({ initial, children }: ProfileProviderProps) {
  const host = useHost();
  const [profile, setProfile] = useState(initial);

  useLayoutEffect(() => applyProfileToDocument(document.documentElement, profile), [profile]);

  const update = useCallback(
    async (patch: ProfilePatch): Promise<Ack<A11yProfile>> => {
      const ack = await host.updateSettings({ a11y: patch });
      if (!ack.ok) return ack;
      setProfile(ack.data.a11y);
      return { ok: true, data: ack.data.a11y };
    },
    [host],
  );

  const value = useMemo(() => ({ profile, update }), [profile, update]);
  return <ProfileContext value={value}>{children}</ProfileContext>;
}

export function useA11yProfile(): ProfileContextValue {
  const value = useContext(ProfileContext);
  if (!value) throw new Error('useA11yProfile outside ProfileProvider');
  return value;
}
