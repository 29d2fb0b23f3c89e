import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { confirmAction } from '../ui/Dialog';
import { fieldName } from './labels';
import type { Mapping, Preview } from './types';

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** One line per file column: its name, a sample value and the field it fills. */
export function MappingStep(props: { entity: string; preview: Preview; mapping: Mapping; onMapping: (m: Mapping) => void; onPresetsChanged: () => void }) {
  const { t } = useTranslation();
  const { preview, mapping } = props;
  const [presetName, setPresetName] = useState('');
  const [presetId, setPresetId] = useState('');
  const sampleRow = preview.rows.find((r) => r.n > (preview.headerRow ?? 0) && r.cells.some((c) => c !== ''));
  const applyPreset = (id: string) => {
    setPresetId(id);
    const p = preview.presets.find((x) => x.id === id);
    if (!p) return;
    const next: Mapping = {};
    preview.headers.forEach((h, i) => (next[i] = p.mapping[fold(h)] ?? null));
    props.onMapping(next);
  };
  const save = async () => {
    try {
      await call('exchange.savePreset', { entity: props.entity, name: presetName, headers: preview.headers, mapping });
      notify(t('exchange.presetSaved', { name: presetName }));
      setPresetName('');
      props.onPresetsChanged();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  const remove = async () => {
    const p = preview.presets.find((x) => x.id === presetId);
    if (!p || !(await confirmAction(t('exchange.deletePresetConfirm', { name: p.name })))) return;
    try {
      await call('exchange.deletePreset', { id: p.id });
      setPresetId('');
      props.onPresetsChanged();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <div>
      {preview.remembered && <p className="notice">{t('exchange.remembered')}</p>}
      <div className="row">
        {preview.presets.length > 0 && (
          <label className="row">
            {t('exchange.preset')}
            <select value={presetId} onChange={(e) => applyPreset(e.target.value)}>
              <option value="">{t('exchange.presetNone')}</option>
              {preview.presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {presetId && (
          <button className="link danger" onClick={() => void remove()}>
            {t('exchange.deletePreset')}
          </button>
        )}
        <span className="spacer" />
        <input placeholder={t('exchange.presetName')} aria-label={t('exchange.presetName')} value={presetName} onChange={(e) => setPresetName(e.target.value)} />
        <button disabled={!presetName.trim()} onClick={() => void save()}>
          {t('exchange.savePreset')}
        </button>
      </div>
      <table className="xch-table xch-mapping">
        <thead>
          <tr>
            <th>{t('exchange.column')}</th>
            <th>{t('exchange.sample')}</th>
            <th>{t('exchange.field')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((h, i) => (
            <tr key={i}>
              <td>{h || `#${i + 1}`}</td>
              <td className="muted">{sampleRow?.cells[i] ?? ''}</td>
              <td>
                <select
                  aria-label={t('exchange.field') + ': ' + (h || `#${i + 1}`)}
                  value={mapping[i] ?? ''}
                  onChange={(e) => props.onMapping({ ...mapping, [i]: e.target.value || null })}
                >
                  <option value="">{t('exchange.skipColumn')}</option>
                  {preview.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {fieldName(f)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
