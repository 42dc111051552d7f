import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Clock, MessagesSquare } from 'lucide-react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n';
import { EmptyState } from '../../renderer/ui/EmptyState';
import { Avatar } from '../../renderer/ui/Avatar';
import { Badge } from '../../renderer/ui/Badge';
import { i18nFor } from './support/providers';

function withI18n(language: Language, children: ReactNode) {
  return <I18nextProvider i18n={i18nFor(language)}>{children}</I18nextProvider>;
}

describe('workspace empty states', () => {
  it('offers no action buttons when nothing to act on was given', () => {
    // The Shifts view has real content now (tests/dom/shifts-*.test.tsx); the empty state itself is what is checked.
    render(
      withI18n(
        'en',
        <EmptyState
          icon={Clock}
          heading="Nothing here yet"
          actions={[{ label: 'Open team notes', icon: MessagesSquare, onPress: undefined }]}
        >
          <p>What will be here, and what to do meanwhile.</p>
        </EmptyState>,
      ),
    );
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Nothing here yet');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Avatar', () => {
  it('shows initials, hidden from assistive technology, and says the presence in words', () => {
    render(<Avatar name="韦秀兰" presence="busy" presenceLabel="Busy" />);
    expect(screen.getByText('秀兰')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('Busy')).toHaveClass('visually-hidden');
    expect(document.querySelector('.avatar__presence--busy')).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('Badge', () => {
  it('is absent at zero, caps what it shows, and says the real count in its label', () => {
    const { rerender, container } = render(<Badge count={0} label="0 unread" />);
    expect(container).toBeEmptyDOMElement();
    rerender(<Badge count={120} label="120 unread" />);
    expect(screen.getByText('99+')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('120 unread')).toBeInTheDocument();
  });

  it('is hidden whole without a label, for a control whose name already says the count', () => {
    const { container } = render(<Badge count={3} />);
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
  });
});
