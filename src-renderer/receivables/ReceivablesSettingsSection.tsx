import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { useMay } from '../access/store';
import { TextField } from '../ui/fields';
import { notify, notifyError } from '../ui/toast';
import { CollectionStepsEditor } from './CollectionStepsEditor';

type Settings = ProcOutput<'receivables.settings'>;
const COMPANY = ['name', 'inn', 'kpp', 'address', 'bank', 'signer', 'phone'] as const;
const wholeDays = (s: string) => (/^\d{1,4}$/.test(s.trim()) && Number(s) <= 3650 ? Number(s) : null);

/** Settings → Дебиторка: default payment days, the deal warning's threshold, our requisites, the scenario. */
export function ReceivablesSettingsSection() {
  const { t } = useTranslation();
  const may = useMay('settings');
  const [s, setS] = useState<Settings | null>(null);
  const [days, setDays] = useState('');
  const [warn, setWarn] = useState('');
  const [errors, setErrors] = useState<{ days?: string; warn?: string }>({});
  useEffect(() => {
    call('receivables.settings', {}).then(
      (v) => {
        setS(v);
        setDays(String(v.paymentDays));
        setWarn(String(v.warnOverdueDays));
      },
      (e) => notifyError(errorText(e)),
    );
  }, []);
  if (!s) return <p className="muted">{t('common.loading')}</p>;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const d = wholeDays(days);
    const w = wholeDays(warn);
    const next = { days: d === null ? t('recv.terms.badDays') : undefined, warn: w === null ? t('recv.terms.badDays') : undefined };
    setErrors(next);
    if (d === null || w === null) return;
    try {
      setS(await call('receivables.saveSettings', { ...s, paymentDays: d, warnOverdueDays: w }));
      notify(t('recv.settings.saved'));
    } catch (err) {
      notifyError(errorText(err));
    }
  };
  const companyLabel = (k: (typeof COMPANY)[number]) => t(`recv.settings.company${k[0]!.toUpperCase()}${k.slice(1)}`);

  return (
    <>
      <section className="panel" aria-label={t('recv.settings.title')} data-testid="receivables-settings">
        <h2>{t('recv.settings.title')}</h2>
        <form onSubmit={(e) => void save(e)}>
          <TextField label={t('recv.settings.paymentDays')} value={days} onChange={setDays} inputMode="numeric" error={errors.days} />
          <p className="muted small">{t('recv.settings.paymentDaysHint')}</p>
          <TextField label={t('recv.settings.warnOverdueDays')} value={warn} onChange={setWarn} inputMode="numeric" error={errors.warn} />
          <h3>{t('recv.settings.company')}</h3>
          {COMPANY.map((k) => (
            <TextField key={k} label={companyLabel(k)} value={s.company[k]} onChange={(v) => setS({ ...s, company: { ...s.company, [k]: v } })} multiline={k === 'bank' || k === 'address'} />
          ))}
          {may && <button type="submit" className="primary">{t('recv.settings.save')}</button>}
        </form>
      </section>
      <CollectionStepsEditor readOnly={!may} />
    </>
  );
}
