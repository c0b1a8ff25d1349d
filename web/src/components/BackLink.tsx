import { Anchor, type MantineSpacing } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';

interface BackLinkProps {
  to: string;
  children: ReactNode;
  /** Space below, where the link stands above a page header rather than in a stack. */
  mb?: MantineSpacing;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/** The small link above a page back to where it was reached from (the list, the federation, the campaign). */
export function BackLink({ to, children, mb, onClick }: BackLinkProps) {
  return (
    <Anchor component={Link} to={to} onClick={onClick} size="sm" display="inline-flex" mb={mb} style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      {children}
    </Anchor>
  );
}
