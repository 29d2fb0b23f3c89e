import { useRef } from 'react';
import { errorText } from '../i18n';
import { notifyError } from '../ui/toast';
import { useLookups } from './lookups';

/**
 * Runs a settings change, then reloads the shared lookups so every screen sees it;
 * a refusal from the core is shown as a notice. Resolves true when it succeeded.
 */
export function useSettingsAction() {
  const reload = useLookups((s) => s.reload);
  // One change at a time: a double click must not create a tag or a field twice.
  const busy = useRef(false);
  return async (fn: () => Promise<unknown>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    try {
      await fn();
      await reload();
      return true;
    } catch (e) {
      notifyError(errorText(e));
      return false;
    } finally {
      busy.current = false;
    }
  };
}
