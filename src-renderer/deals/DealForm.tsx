import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { fieldErrors } from '../ui/fieldErrors';
import { useLookups } from '../settings/lookups';
import { ClientPicker } from '../clients/ClientPicker';
import { parseRoubles } from './money';
import { useDeals } from './store';
import { DateField } from '../ui/dates/fields';

interface Props {
  client?: { id: string; name: string } | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** New deal; opened from the board (any client) or from a client card (that client). */
export function DealForm({ client: initialClient, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { pipelines, pipelineId: currentPipeline, sources, loaded, reload } = useDeals();
  const users = useLookups((s) => s.users);
  const [client, setClient] = useState(initialClient ?? null);
  const [title, setTitle] = useState('');
  const [pipelineId, setPipelineId] = useState(currentPipeline ?? pipelines[0]?.id ?? '');
  const [stageId, setStageId] = useState('');
  const [amount, setAmount] = useState('');
  const [expectedClose, setExpectedClose] = useState('');
  const [responsibleId, setResponsibleId] = useState('');
  const [source, setSource] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded) void reload();
  }, [loaded, reload]);
  useEffect(() => {
    if (!pipelineId && pipelines[0]) setPipelineId(pipelines[0].id);
  }, [pipelines, pipelineId]);
  const openStages = pipelines.find((p) => p.id === pipelineId)?.stages.filter((s) => s.kind === 'open') ?? [];
  const dirty = !!(title || amount || description);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    const kopecks = parseRoubles(amount);
    if (kopecks === null) local.amountKopecks = t('errors.deal.amount_format');
    if (!client) local.clientId = t('errors.required');
    if (!title.trim()) local.title = t('errors.required');
    setErrors(local);
    if (Object.keys(local).length > 0 || !client) return;
    setBusy(true);
    setError(null);
    try {
      const { id } = await call('deals.create', {
        title,
        clientId: client.id,
        pipelineId,
        stageId: stageId || null,
        amountKopecks: kopecks ?? 0,
        expectedClose: expectedClose || null,
        responsibleId: responsibleId || null,
        source: source || null,
        description: description || null,
      });
      void reload();
      onCreated(id);
    } catch (err) {
      const fe = fieldErrors(err);
      setErrors(fe);
      if (Object.keys(fe).length === 0) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('deals.form.title')} onClose={onClose} testId="deal-form" dirty={dirty} wide>
      <form onSubmit={submit} noValidate>
        <TextField label={t('deals.fields.title')} value={title} onChange={setTitle} error={errors.title} autoFocus />
        <ClientPicker value={client} onChange={setClient} error={errors.clientId} />
        <div className="grid2">
          <div className="field">
            <label htmlFor="deal-pipeline">{t('deals.fields.pipeline')}</label>
            <select id="deal-pipeline" value={pipelineId} onChange={(e) => { setPipelineId(e.target.value); setStageId(''); }}>
              {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deal-stage">{t('deals.fields.stage')}</label>
            <select id="deal-stage" value={stageId} onChange={(e) => setStageId(e.target.value)} aria-invalid={!!errors.stageId}>
              {openStages.map((s, i) => <option key={s.id} value={i === 0 ? '' : s.id}>{s.name}</option>)}
            </select>
            {errors.stageId && <div className="field-error" role="alert">{errors.stageId}</div>}
          </div>
          <TextField label={t('deals.fields.amount')} value={amount} onChange={setAmount} error={errors.amountKopecks} inputMode="numeric" />
          <DateField label={t('deals.fields.expectedClose')} value={expectedClose} onChange={setExpectedClose} error={errors.expectedClose} />
          <div className="field">
            <label htmlFor="deal-responsible">{t('deals.fields.responsible')}</label>
            <select id="deal-responsible" value={responsibleId} onChange={(e) => setResponsibleId(e.target.value)}>
              <option value="">{t('common.none')}</option>
              {users.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deal-source">{t('deals.fields.source')}</label>
            <input id="deal-source" list="deal-sources" value={source} onChange={(e) => setSource(e.target.value)} />
            <datalist id="deal-sources">{sources.map((s) => <option key={s} value={s} />)}</datalist>
          </div>
        </div>
        <TextField label={t('deals.fields.description')} value={description} onChange={setDescription} multiline />
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('common.create')}</button>
        </div>
      </form>
    </Dialog>
  );
}
