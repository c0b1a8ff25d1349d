import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './i18n';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { DisplayPreferencesProvider } from './features/portal/DisplayPreferencesProvider';
import { SessionProvider } from './features/session/SessionProvider';
import { router } from './routes/router';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    {/* Large text and high contrast, as chosen on this device, around Mantine's theme. */}
    <DisplayPreferencesProvider>
      <Notifications position="top-right" aria-live="polite" />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </DisplayPreferencesProvider>
  </StrictMode>,
);
