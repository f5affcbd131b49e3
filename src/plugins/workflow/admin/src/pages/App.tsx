import { Route, Routes } from 'react-router-dom';
import { InboxPage } from './InboxPage';
import { OrderPage } from './OrderPage';
import { PrintPage } from './PrintPage';
import { WindowEntryPage } from './WindowEntryPage';

export const App = () => (
  <Routes>
    <Route index element={<InboxPage />} />
    <Route path="new" element={<WindowEntryPage />} />
    <Route path=":number" element={<OrderPage />} />
    <Route path=":number/print/dispatch-sheet" element={<PrintPage kind="dispatch-sheet" />} />
    <Route path=":number/print/budget-book" element={<PrintPage kind="budget-book" />} />
  </Routes>
);

export default App;
