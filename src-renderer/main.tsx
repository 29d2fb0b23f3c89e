import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './ui/styles.css';
import { App } from './app/App';
import { installSearchShortcut } from './app/searchShortcut';

installSearchShortcut();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
