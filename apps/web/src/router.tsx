import { Navigate, createBrowserRouter } from 'react-router';
import { AppHomePage } from './pages/app-home-page.js';
import { AppLayout } from './pages/app-layout.js';
import { HomePage } from './pages/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { RecordFormPage } from './pages/record-form-page.js';
import { RecordListPage } from './pages/record-list-page.js';
import { PublicFormPage } from './public/public-form-page.js';
import { DesignerPage } from './designer/designer-page.js';
import { NewAppPage } from './designer/new-app-page.js';
import { PrintPage } from './print/print-page.js';
import { UsersPage } from './admin/users-page.js';
import { DepartmentsPage } from './admin/departments-page.js';
import { RolesPage } from './admin/roles-page.js';
import { AuditPage } from './admin/audit-page.js';
import { ApiKeysPage } from './admin/api-keys-page.js';
import { RequireAuth } from './auth/require-auth.js';
import { AccountPage } from './pages/account-page.js';

/**
 * The web app's routes; the server answers every non-API path with `index.html`, so deep
 * links work. Every page but the public form (`/f/:token`) needs a login: an anonymous
 * visitor sees the login page at the same address.
 */
export const router = createBrowserRouter([
  { path: '/f/:token', element: <PublicFormPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/account', element: <AccountPage /> },
      {
        path: '/apps/:app',
        element: <AppLayout />,
        children: [
          { index: true, element: <AppHomePage /> },
          { path: 'forms/:form', element: <RecordListPage /> },
          { path: 'forms/:form/new', element: <RecordFormPage /> },
          { path: 'forms/:form/records/:id', element: <RecordFormPage /> },
          { path: 'forms/:form/records/:id/print', element: <PrintPage /> },
          { path: 'forms/:form/print', element: <PrintPage /> },
          { path: 'roles', element: <RolesPage /> },
        ],
      },
      { path: '/apps/:app/design', element: <DesignerPage /> },
      { path: '/apps/:app/design/:form', element: <DesignerPage /> },
      { path: '/design/new', element: <NewAppPage /> },
      { path: '/admin', element: <Navigate to="/admin/users" replace /> },
      { path: '/admin/users', element: <UsersPage /> },
      { path: '/admin/departments', element: <DepartmentsPage /> },
      { path: '/admin/audit', element: <AuditPage /> },
      { path: '/account/api-keys', element: <ApiKeysPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
