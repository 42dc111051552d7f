import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../shared/i18n';
import type { SettingsSectionId } from '../../renderer/a11y/settings/settings-sections';
import { EmployerWorkspace } from '../../renderer/employer/EmployerWorkspace';
import { ShiftsWorkspace } from '../../renderer/shifts/ShiftsWorkspace';
import { Avatar } from '../../renderer/ui/Avatar';
import { Badge } from '../../renderer/ui/Badge';
import { i18nFor } from './support/providers';

function withI18n(language: Language, children: ReactNode) {
  return <I18nextProvider i18n={i18nFor(language)}>{children}</I18nextProvider>;
}

type Workspace = (props: {
  focusRequest: number;
  onOpenSettings?: (tab: SettingsSectionId) => void;
  onOpenTeamNotes?: () => void;
}) => ReactNode;

/** Each workspace's empty state: heading, the settings tab its settings action opens, both actions' names. */
const cases: {
  name: string;
  view: Workspace;
  heading: Record<Language, string>;
  settingsAction: Record<Language, string>;
  tab: SettingsSectionId;
}[] = [
  {
    name: 'Shifts',
    view: ShiftsWorkspace,
    heading: { en: 'Your shifts and earnings will appear here', 'zh-CN': '您的班次和收入将显示在这里' },
    settingsAction: { en: 'Set up the keyboard', 'zh-CN': '设置键盘' },
    tab: 'keyboard',
  },
  {
    name: 'Employer',
    view: EmployerWorkspace,
    heading: { en: 'Your team’s output will appear here', 'zh-CN': '团队的工作成果将显示在这里' },
    settingsAction: { en: 'Display settings', 'zh-CN': '显示设置' },
    tab: 'display',
  },
];

const teamNotesAction: Record<Language, string> = { en: 'Open team notes', 'zh-CN': '打开团队留言' };

describe('workspace empty states', () => {
  for (const c of cases) {
    for (const language of ['en', 'zh-CN'] as const) {
      it(`${c.name} (${language}) says what will be there and offers real actions`, async () => {
        const onOpenSettings = vi.fn<(tab: SettingsSectionId) => void>();
        const onOpenTeamNotes = vi.fn<() => void>();
        const View = c.view;
        render(
          withI18n(
            language,
            <View focusRequest={0} onOpenSettings={onOpenSettings} onOpenTeamNotes={onOpenTeamNotes} />,
          ),
        );
        const region = screen.getByRole('region', { name: c.heading[language] });
        expect(
          within(region).getByRole('heading', { level: 2, name: c.heading[language] }),
        ).toBeInTheDocument();
        // One or two sentences of body text under the heading, and no "later release" placeholder.
        const body = region.querySelector('.empty-state__body');
        expect(body?.textContent?.length ?? 0).toBeGreaterThan(40);
        expect(region.textContent).not.toMatch(/later release|后续版本/);
        // The illustration is decorative: hidden from assistive technology, so it needs no name.
        for (const svg of region.querySelectorAll('svg')) expect(svg).toHaveAttribute('aria-hidden', 'true');

        await userEvent.click(within(region).getByRole('button', { name: c.settingsAction[language] }));
        expect(onOpenSettings).toHaveBeenCalledWith(c.tab);
        await userEvent.click(within(region).getByRole('button', { name: teamNotesAction[language] }));
        expect(onOpenTeamNotes).toHaveBeenCalledTimes(1);
      });
    }
  }

  it('offers no action buttons when nothing to act on was given', () => {
    render(withI18n('en', <ShiftsWorkspace focusRequest={0} />));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Your shifts and earnings will appear here',
    );
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
