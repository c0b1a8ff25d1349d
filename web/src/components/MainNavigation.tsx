import { NavLink } from '@mantine/core';
import {
  IconBriefcase,
  IconBuildingCommunity,
  IconBuildingStore,
  IconChartBar,
  IconCheckbox,
  IconClipboardList,
  IconCoins,
  IconHeartHandshake,
  IconHome,
  IconKey,
  IconMailForward,
  IconPigMoney,
  IconReportAnalytics,
  IconScale,
  IconSettings,
  IconSpeakerphone,
  IconUserCog,
  IconUserEdit,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { canKeepRegistry, canManageUsers, canRunMeetings, canVote, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';

interface NavItem {
  key: string;
  to: string;
  icon: Icon;
  /** Other paths that belong to this item, e.g. an organization's page under the federation. */
  prefix?: string;
  /** The translation key of its label, where it is not nav.<key>. */
  label?: string;
}

const ITEMS: readonly NavItem[] = [
  // マイページ comes first for a member: their own life in the co-op.
  { key: 'my', to: '/my', icon: IconHome, label: 'portal.nav.my' },
  { key: 'federation', to: '/', icon: IconBuildingCommunity, prefix: '/organizations' },
  { key: 'members', to: '/members', icon: IconUsers, prefix: '/members/' },
  { key: 'invitations', to: '/invitations', icon: IconMailForward, label: 'portal.nav.invitations' },
  { key: 'changeRequests', to: '/change-requests', icon: IconUserEdit, label: 'portal.nav.changeRequests' },
  { key: 'capital', to: '/capital', icon: IconCoins },
  { key: 'assemblies', to: '/assemblies', icon: IconUsersGroup, prefix: '/meetings/' },
  { key: 'voting', to: '/voting', icon: IconCheckbox },
  { key: 'compliance', to: '/compliance', icon: IconScale },
  { key: 'work', to: '/work', icon: IconBriefcase, prefix: '/work/' },
  { key: 'surplus', to: '/surplus', icon: IconPigMoney, prefix: '/surplus/' },
  { key: 'businesses', to: '/businesses', icon: IconBuildingStore },
  { key: 'programmes', to: '/programmes', icon: IconClipboardList, prefix: '/programmes/contracts/' },
  { key: 'programmesOverview', to: '/programmes/overview', icon: IconChartBar, label: 'programmes.overview.nav' },
  { key: 'casework', to: '/casework', icon: IconHeartHandshake, prefix: '/casework/', label: 'casework.nav' },
  { key: 'advocacy', to: '/campaigns', icon: IconSpeakerphone, prefix: '/campaigns/' },
  { key: 'reports', to: '/reports', icon: IconReportAnalytics, prefix: '/reports/' },
  { key: 'users', to: '/users', icon: IconUserCog },
  { key: 'account', to: '/account', icon: IconKey },
  { key: 'mySettings', to: '/my/settings', icon: IconSettings, label: 'portal.nav.settings' },
];

// The current item stays readable (WCAG AA) under the pointer: the darkest indigo text, a lighter hover background.
const ACTIVE_TEXT = { '--nl-color': 'var(--mantine-color-indigo-9)', '--nl-hover': 'var(--mantine-color-indigo-0)' } as CSSProperties;

function isActive(item: NavItem, pathname: string): boolean {
  return pathname === item.to || (item.prefix !== undefined && pathname.startsWith(item.prefix));
}

export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  // A member's own account sees its home, its votes and its account; the staff sections would only refuse it.
  const staff = me.role !== 'member';
  const shown: Partial<Record<string, boolean>> = {
    members: staff, capital: staff, compliance: staff, work: staff, surplus: staff, businesses: staff, programmes: staff, advocacy: staff, reports: staff,
    programmesOverview: isFederationAdmin(me),
    casework: staff,
    users: canManageUsers(me), assemblies: canRunMeetings(me), voting: canVote(me),
    my: !staff, invitations: canKeepRegistry(me), changeRequests: canKeepRegistry(me),
  };
  const items = ITEMS.filter((item) => shown[item.key] ?? true);

  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const active = isActive(item, pathname);
        return (
          <li key={item.key}>
            <NavLink
              component={Link}
              to={item.to}
              label={t(item.label ?? `nav.${item.key}`)}
              leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
              active={active}
              style={ACTIVE_TEXT}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
            />
          </li>
        );
      })}
    </ul>
  );
}
