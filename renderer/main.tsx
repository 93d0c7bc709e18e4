import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LockGate } from './features/lock/LockGate';
import { NoBridge } from './ui/NoBridge';
import './styles/base.css';
import './styles/layout.css';
import './styles/compose.css';
import './styles/preview.css';
import './styles/lists.css';
import './styles/forms.css';
import './styles/contacts.css';
import './styles/lock.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const root = createRoot(container);

// window.faxdesk is typed as always present, but a page opened outside Electron or the bridge lacks it.
const api = (window as Partial<Window>).faxdesk;
if (!api) {
  root.render(<NoBridge />);
} else {
  root.render(
    <StrictMode>
      <LockGate api={api} />
    </StrictMode>,
  );
}
