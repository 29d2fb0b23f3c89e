import { useCallback, useRef, useState } from 'react';
import { errorText } from '../i18n';
import { notify, notifyError } from './toast';

/**
 * The call → toast → refresh pattern of every screen that changes something: runs the
 * change, says `done` (a text, or a text made of the core's answer) when given, refreshes what shows the result; a refusal from the
 * core is shown as a notice. One change at a time: a double click must not create a
 * tag or close a deal twice. `run` resolves true when the change succeeded.
 */
export function useAction(refresh?: () => unknown) {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(fn: () => Promise<T>, done?: string | ((result: T) => string)): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      try {
        const result = await fn();
        if (done) notify(typeof done === 'string' ? done : done(result));
        await refresh?.();
        return true;
      } catch (e) {
        notifyError(errorText(e));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [refresh],
  );
  return { run, busy };
}
