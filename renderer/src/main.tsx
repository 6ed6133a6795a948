import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startSession } from './api.js';
import { initI18n } from './i18n/index.js';
import { installUnloadGuard } from './unsaved-guard.js';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Browser host: the launch token leaves the address bar before the first render (api.ts).
startSession();
// Closing or reloading with an edit in progress asks first (unsaved-guard.ts).
installUnloadGuard(window);

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
