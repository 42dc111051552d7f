import { useId, type HTMLAttributes, type ReactNode } from 'react';
import './SettingsSection.css';

export interface SettingsSectionProps extends HTMLAttributes<HTMLDivElement> {
  heading: ReactNode;
}

/**
 * A labelled group of a few related settings: one heading for screen-reader
 * navigation, one group for scanning, so a switch user skips it whole.
 */
export function SettingsSection({ heading, className, children, ...rest }: SettingsSectionProps) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={['settings-section', className].filter(Boolean).join(' ')}
      {...rest}
    >
      <h2 id={id} className="settings-section__heading">
        {heading}
      </h2>
      {children}
    </div>
  );
}
