import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { confirmAction, Dialog } from '../ui/Dialog';
import type { ReportSettings } from './settings';

type Preset = ProcOutput<'reports.presets'>[number];

/** Settings saved under a name in the workspace (shared by everyone), loaded with one click. */
export function ReportPresets({ report, settings, onLoad }: { report: string; settings: ReportSettings; onLoad: (s: Partial<ReportSettings>) => void }) {
  const { t } = useTranslation();
  const [presets, setPresets] = useState<Preset[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const reload = useCallback(() => call('reports.presets', { report }).then(setPresets, (e) => notifyError(errorText(e))), [report]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const save = async () => {
    try {
      await call('reports.savePreset', { report, name, query: settings as unknown as Record<string, unknown> });
      notify(t('reports.presets.saved', { name }));
      setNaming(false);
      void reload();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <>
      <select
        aria-label={t('reports.presets.label')}
        value=""
        onChange={async (e) => {
          const v = e.target.value;
          if (v === '__save') return setNaming(true);
          const p = presets.find((x) => x.id === v.replace(/^del:/, ''));
          if (!p) return;
          if (v.startsWith('del:')) {
            if (await confirmAction(t('reports.presets.remove', { name: p.name }))) await call('reports.deletePreset', { id: p.id }).then(reload, (err) => notifyError(errorText(err)));
          } else onLoad(p.query as Partial<ReportSettings>);
        }}
      >
        <option value="">{t('reports.presets.label')}</option>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value="__save">{t('reports.presets.save')}</option>
        {presets.map((p) => (
          <option key={`del:${p.id}`} value={`del:${p.id}`}>
            {t('reports.presets.remove', { name: p.name })}
          </option>
        ))}
      </select>
      {naming && (
        <Dialog title={t('reports.presets.save')} onClose={() => setNaming(false)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void save();
            }}
          >
            <input aria-label={t('reports.presets.name')} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            <div className="actions">
              <button type="button" onClick={() => setNaming(false)}>
                {t('common.cancel')}
              </button>
              <button className="primary" type="submit" disabled={!name.trim()}>
                {t('common.save')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
