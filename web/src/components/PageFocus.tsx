import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';

function focusable(element: HTMLElement): HTMLElement {
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  return element;
}

// A screen reader's browse mode may activate a link with a bare click, without pointer or key events.
const INTERACTIONS = ['pointerdown', 'keydown', 'click'] as const;

const pageHeading = () => document.querySelector<HTMLElement>('main h1');

/**
 * Moves focus to the new page: its h1, or its <main> while the h1 is still loading and the h1 once it is there,
 * unless focus has moved on meanwhile. Returns what stops waiting for the h1.
 */
function focusNewPage(): () => void {
  const heading = pageHeading();
  if (heading) {
    focusable(heading).focus();
    return () => {};
  }
  const main = document.querySelector<HTMLElement>('main');
  if (main) focusable(main).focus();
  const waiting = document.activeElement;
  const observer = new MutationObserver(() => {
    const arrived = pageHeading();
    if (!arrived) return;
    observer.disconnect();
    const active = document.activeElement;
    if (active === waiting || active === null || active === document.body) focusable(arrived).focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * After a client-side change of page, keyboard and screen-reader users start on the new page (WCAG 2.4.3)
 * instead of on a link that is gone or on the one they used. Nothing moves before the person has pressed a key,
 * pointed or clicked, so the first load and its redirects (e.g. to the sign-in page) leave focus alone.
 */
export function PageFocus() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  const interacted = useRef(false);

  useEffect(() => {
    const stop = () => INTERACTIONS.forEach((type) => window.removeEventListener(type, mark, true));
    const mark = () => {
      interacted.current = true;
      stop();
    };
    INTERACTIONS.forEach((type) => window.addEventListener(type, mark, true));
    return stop;
  }, []);

  useEffect(() => {
    // Only a new path is a new page: tabs and filters in the query string keep focus where it is.
    if (shown.current === pathname) return undefined;
    shown.current = pathname;
    return interacted.current ? focusNewPage() : undefined;
  }, [pathname]);

  return <Outlet />;
}
