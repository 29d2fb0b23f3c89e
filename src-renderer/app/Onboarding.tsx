import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { useApp } from './store';

/** First start: no decisions needed beyond "empty or demo". */
export function Onboarding() {
  const { t } = useTranslation();
  const { workspace, setWorkspace } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (demo: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setWorkspace(await call('workspace.initialize', { demo, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <div className="onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p>
        {t('onboarding.body')} <code>{workspace?.path}</code>
      </p>
      {busy ? (
        <p role="status">{t('onboarding.working')}</p>
      ) : (
        <div className="onboarding-choices">
          <button className="choice" onClick={() => start(false)} autoFocus>
            <strong>{t('onboarding.empty')}</strong>
            <span>{t('onboarding.emptyHint')}</span>
          </button>
          <button className="choice" onClick={() => start(true)}>
            <strong>{t('onboarding.demo')}</strong>
            <span>{t('onboarding.demoHint')}</span>
          </button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
