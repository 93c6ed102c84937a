import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Notices } from './components/notices.js';
import { useLocaleStore } from './i18n/locale-store.js';
import { router } from './router.js';
import './styles.css';
import './form-layout.css';
import './record/relation.css';

document.documentElement.lang = useLocaleStore.getState().locale;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
    <Notices />
  </StrictMode>,
);
