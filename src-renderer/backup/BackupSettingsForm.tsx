import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client';
import { errorText, issueText } from '../i18n';
import { notify } from '../ui/toast';
import { useBackup, type BackupStatus } from './store';

type Settings = BackupStatus['settings'];
const INTERVALS = [0, 30, 60, 240, 1440];
const NUMBERS = ['keepAllHours', 'dailyDays', 'monthlyMonths', 'warnAfterHours'] as const;

export function BackupSettingsForm() {
  const { t } = useTranslation();
  const saved = useBackup((s) => s.status?.settings);
  const setStatus = useBackup((s) => s.setStatus);
  const [draft, setDraft] = useState<Settings | null>(saved ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Desktop app: the folder chosen in the native dialog, shown while the draft holds its token.
  const [chosenDir, setChosenDir] = useState<string | null>(null);
  const dialogs = window.kartoteka?.dialogs;
  useEffect(() => {
    if (saved && !draft) setDraft(saved);
  }, [saved, draft]);
  if (!draft) return null;
  const change = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });

  const save = async () => {
    setErrors({});
    try {
      const status = await call('backup.saveSettings', { ...draft, secondDir: draft.secondDir?.trim() || null });
      setStatus(status);
      setDraft(status.settings);
      setChosenDir(null);
      notify(t('backup.settingsSaved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation') setErrors(Object.fromEntries(e.issues.map((i) => [i.field, issueText(i)])));
      else setErrors({ form: errorText(e) });
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('backup.schedule')}</h3>
      <div className="row">
        <label className="field">
          <span>{t('backup.interval')}</span>
          <select value={draft.intervalMinutes} onChange={(e) => change({ intervalMinutes: Number(e.target.value) })}>
            {[...new Set([...INTERVALS, draft.intervalMinutes])].map((m) => (
              <option key={m} value={m}>
                {INTERVALS.includes(m) ? t(`backup.intervals.${m}`) : `${m} min`}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          <input type="checkbox" checked={draft.onClose} onChange={(e) => change({ onClose: e.target.checked })} />
          {t('backup.onClose')}
        </label>
      </div>
      <h3>{t('backup.retention')}</h3>
      <div className="grid2">
        {NUMBERS.map((key) => (
          <label className="field" key={key}>
            <span>{t(`backup.${key}`)}</span>
            <input
              type="number"
              min={key === 'warnAfterHours' ? 1 : 0}
              className="short"
              value={draft[key]}
              onChange={(e) => change({ [key]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
            />
            {errors[key] && <span className="field-error">{errors[key]}</span>}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('backup.secondDir')}</span>
        {dialogs ? (
          // The desktop app takes the folder only from its own dialog: a page cannot name one.
          <span className="row">
            <input className="wide" readOnly value={chosenDir ?? draft.secondDir ?? ''} placeholder={t('backup.secondDirNone')} data-testid="second-dir" />
            <button
              type="button"
              onClick={async () => {
                const chosen = await dialogs.backupFolder();
                if (!chosen) return;
                change({ secondDir: chosen.token });
                setChosenDir(chosen.path);
              }}
            >
              {t('backup.chooseFolder')}
            </button>
            {draft.secondDir && (
              <button
                type="button"
                onClick={() => {
                  change({ secondDir: null });
                  setChosenDir(null);
                }}
              >
                {t('backup.clearFolder')}
              </button>
            )}
          </span>
        ) : (
          <input className="wide" value={draft.secondDir ?? ''} placeholder="D:\Kartoteka-backups" onChange={(e) => change({ secondDir: e.target.value })} />
        )}
        <span className="muted small">{t('backup.secondDirHint')}</span>
        {errors.secondDir && <span className="field-error">{errors.secondDir}</span>}
      </label>
      {errors.form && <p className="error" role="alert">{errors.form}</p>}
      <div className="actions left">
        <button type="submit">{t('backup.saveSettings')}</button>
      </div>
    </form>
  );
}
