import { useAuth } from '../auth/store';
import { useApp } from './store';
import { searchTypeAhead } from './typeAhead';

/**
 * Ctrl+K (⌘K) from the first moment the page runs, not only once the workspace screen
 * has mounted: after a reload the app waits for the core (sign-in status, workspace
 * info) and a shortcut pressed meanwhile must still open the search with every key
 * typed after it. Capture phase, so the keys are taken before any focused control.
 */
export function installSearchShortcut(target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) {
      // On the sign-in screen there is nothing to search yet.
      if (useAuth.getState().phase === 'out') return;
      e.preventDefault();
      if (!useApp.getState().searchOpen) {
        searchTypeAhead.start();
        useApp.getState().setSearchOpen(true);
      }
      return;
    }
    if (searchTypeAhead.capturing && searchTypeAhead.key(e)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}
