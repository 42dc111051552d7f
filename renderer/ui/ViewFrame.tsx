import { useEffect, useId, useRef, type HTMLAttributes, type ReactNode } from 'react';
import './ViewFrame.css';

export interface ViewFrameProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** The view's one h1; it names the section too. */
  title: ReactNode;
  /**
   * Changes on every navigation to this view (back and forward included); the
   * heading then takes focus, so keyboard, screen-reader and switch users start
   * reading at the top of what they asked for. Zero: leave focus alone.
   */
  focusRequest: number;
}

/** The frame of every view the shell shows in its main region: a workspace or the settings page. */
export function ViewFrame({ title, focusRequest, className, children, ...rest }: ViewFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (focusRequest > 0) heading.current?.focus();
  }, [focusRequest]);

  return (
    <section aria-labelledby={titleId} className={['view', className].filter(Boolean).join(' ')} {...rest}>
      <h1 id={titleId} ref={heading} tabIndex={-1} className="view__title">
        {title}
      </h1>
      {children}
    </section>
  );
}
