import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

/** The heading of a step that replaces the previous one on the same page: it takes the focus, so a screen reader reads where the member now is. */
export function StepHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Title order={2} size="h3" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
