import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { fieldErrors } from '../ui/fieldErrors';
import { ClientPicker } from '../clients/ClientPicker';
import { parseRoubles } from './money';

interface Props {
  pipelineId: string;
  stage: { id: string; name: string };
  onCreated: (id: string) => void;
  onClose: () => void;
}

/** «+» at the top of a column: a deal with a title, a client and an amount, straight into that stage. */
export function QuickDealForm({ pipelineId, stage, onCreated, onClose }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [client, setClient] = useState<{ id: string; name: string } | null>(null);
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    const kopecks = parseRoubles(amount);
    if (!title.trim()) local.title = t('errors.required');
    if (!client) local.clientId = t('errors.required');
    if (kopecks === null) local.amountKopecks = t('errors.deal.amount_format');
    setErrors(local);
    if (Object.keys(local).length || !client || kopecks === null) return;
    setBusy(true);
    try {
      const { id } = await call('deals.create', { title, clientId: client.id, pipelineId, stageId: stage.id, amountKopecks: kopecks });
      onCreated(id);
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(Object.keys(fe).length ? fe : { form: errorText(err) });
      setBusy(false);
    }
  };
  return (
    <form
      className="quick-deal"
      data-testid="quick-deal"
      aria-label={t('deals.board.quickDeal', { stage: stage.name })}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <input autoFocus aria-label={t('deals.fields.title')} placeholder={t('deals.fields.title')} value={title} aria-invalid={!!errors.title} onChange={(e) => setTitle(e.target.value)} />
      {errors.title && <div className="field-error" role="alert">{errors.title}</div>}
      <ClientPicker value={client} onChange={setClient} error={errors.clientId} />
      <input aria-label={t('deals.fields.amount')} placeholder={t('deals.fields.amount')} inputMode="decimal" value={amount} aria-invalid={!!errors.amountKopecks} onChange={(e) => setAmount(e.target.value)} />
      {errors.amountKopecks && <div className="field-error" role="alert">{errors.amountKopecks}</div>}
      {errors.form && <div className="field-error" role="alert">{errors.form}</div>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{t('common.add')}</button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
