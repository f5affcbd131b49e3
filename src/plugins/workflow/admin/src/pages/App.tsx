import { Route, Routes } from 'react-router-dom';
import { InboxPage } from './InboxPage';
import { OrderPage } from './OrderPage';
import { PrintPage } from './PrintPage';
import { WindowEntryPage } from './WindowEntryPage';
import { MessagesPage } from './MessagesPage';
import { NotificationsPage } from './NotificationsPage';
import { DashboardPage } from './DashboardPage';
import { DefinitionsPage } from './DefinitionsPage';
import { ContractTemplatesPage } from './ContractTemplatesPage';
import { DirectoryPage } from './DirectoryPage';
import { RulesPage } from './RulesPage';
import { SettingsPage } from './SettingsPage';
import { AuditPage } from './AuditPage';

export const App = () => (
  <Routes>
    <Route index element={<InboxPage />} />
    <Route path="new" element={<WindowEntryPage />} />
    <Route path="messages" element={<MessagesPage />} />
    <Route path="dashboard" element={<DashboardPage />} />
    <Route path="definitions" element={<DefinitionsPage />} />
    <Route path="contract-templates" element={<ContractTemplatesPage />} />
    <Route path="directory" element={<DirectoryPage />} />
    <Route path="rules" element={<RulesPage />} />
    <Route path="settings" element={<SettingsPage />} />
    <Route path="notifications" element={<NotificationsPage />} />
    <Route path="audit" element={<AuditPage />} />
    <Route path=":number" element={<OrderPage />} />
    <Route path=":number/print/dispatch-sheet" element={<PrintPage kind="dispatch-sheet" />} />
    <Route path=":number/print/budget-book" element={<PrintPage kind="budget-book" />} />
    <Route path=":number/print/receipt" element={<PrintPage kind="receipt" />} />
  </Routes>
);

export default App;
