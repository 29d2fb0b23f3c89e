import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { Dialog, confirmAction } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/fields';
import { DateField, TimeField } from '../ui/dates/fields';
import { isIsoDate, isIsoTime } from '../ui/dates/dateText';
import { fieldErrors } from '../ui/fieldErrors';
import { notify } from '../ui/toast';
import { useLookups } from '../settings/lookups';
import { ClientPicker } from '../clients/ClientPicker';
import { DealPicker } from './DealPicker';
import { RecurrenceFields } from './RecurrenceFields';
import { initialForm, toFields, type FormState } from './useTaskForm';
import { typeLabel } from './format';
import { taskErrorText } from './taskErrors';
import { useTasks, userTimeZone, type TaskDialogState } from './store';
import './tasks.css';

const REMINDER_CHOICES = [0, 5, 15, 30, 60, 1440];
const SHOWN_FIELDS = ['title', 'typeId', 'assigneeId', 'startsAt', 'durationMin', 'dueAt', 'clientId', 'contactId', 'dealId'];
type Details = ProcOutput<'tasks.get'>;
type Contact = ProcOutput<'clients.get'>['contacts'][number];

/** Create or edit a task; the one form used from the list, the calendar, a card and a reminder. */
export function TaskDialogHost() {
  const dialog = useTasks((s) => s.dialog);
  if (!dialog) return null;
  return <TaskDialog key={dialog.mode === 'edit' ? dialog.id : 'new'} state={dialog} />;
}

function TaskDialog({ state }: { state: TaskDialogState }) {
  const { t } = useTranslation();
  const { types, loadTypes, typesLoaded, changed, closeDialog, complete } = useTasks();
  const { users, loaded, reload } = useLookups();
  const [details, setDetails] = useState<Details | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [initial, setInitial] = useState<string>('');
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<'one' | 'series'>('one');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
    if (!loaded) void reload();
  }, [typesLoaded, loadTypes, loaded, reload]);

  useEffect(() => {
    if (state.mode === 'edit') {
      call('tasks.get', { id: state.id, timeZone: userTimeZone() }).then(setDetails, (e) => setError(errorText(e)));
    }
  }, [state]);

  useEffect(() => {
    if (form || !typesLoaded || !loaded || (state.mode === 'edit' && !details)) return;
    const first = types.find((x) => !x.archivedAt);
    const f = initialForm(state, details, { typeId: first?.id ?? '', userId: '' });
    setForm(f);
    setInitial(JSON.stringify(f));
  }, [form, typesLoaded, loaded, details, state, types]);

  const clientId = form?.client?.id;
  useEffect(() => {
    if (!clientId) return setContacts([]);
    call('clients.get', { id: clientId }).then((c) => setContacts(c.contacts), () => setContacts([]));
  }, [clientId]);

  const typeOptions = useMemo(
    () => types.filter((x) => !x.archivedAt || x.id === form?.typeId).map((x) => [x.id, typeLabel(x)] as [string, string]),
    [types, form?.typeId],
  );

  if (error && !form) {
    return (
      <Dialog title={t('tasks.dialog.edit')} onClose={closeDialog} testId="task-dialog">
        <p className="error" role="alert">{error}</p>
      </Dialog>
    );
  }
  if (!form) return null;
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const inSeries = !!details?.seriesId;

  const save = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    if (!form.title.trim()) local.title = t('common.required');
    if (!form.date) local.startsAt = t('common.required');
    else if (!isIsoDate(form.date)) local.startsAt = t('dates.invalidDate');
    else if (!form.allDay && !form.time) local.startsAt = t('tasks.timeRequired');
    else if (!form.allDay && !isIsoTime(form.time)) local.startsAt = t('dates.invalidTime');
    if (form.dueDate && !isIsoDate(form.dueDate)) local.dueAt = t('dates.invalidDate');
    else if (form.dueDate && !form.allDay && form.dueTime && !isIsoTime(form.dueTime)) local.dueAt = t('dates.invalidTime');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setError(null);
    try {
      const fields = toFields(form);
      const timeZone = userTimeZone();
      if (state.mode === 'create') {
        await call('tasks.create', { fields: { ...fields, recurrence: form.recurrence }, timeZone });
        notify(t('tasks.created'));
      } else {
        const repeatChanged = JSON.stringify(form.recurrence) !== JSON.stringify(details?.recurrence ?? null);
        await call('tasks.update', {
          id: state.id,
          patch: fields,
          timeZone,
          scope: inSeries ? scope : 'one',
          ...((inSeries && scope === 'series') || (!inSeries && form.recurrence) ? { recurrence: repeatChanged || inSeries ? form.recurrence : undefined } : {}),
        });
        notify(t('common.saved'));
      }
      changed();
      closeDialog();
    } catch (err) {
      const fe = fieldErrors(err);
      const byField = Object.fromEntries(Object.entries(fe).map(([k, v]) => [k.replace(/^(fields|patch)\./, ''), v]));
      setErrors(byField);
      // Issues of fields shown next to their input stay there; any other goes in the line below the form.
      setError(Object.keys(byField).every((k) => SHOWN_FIELDS.includes(k)) && Object.keys(byField).length ? null : taskErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (state.mode !== 'edit' || !details) return;
    if (!(await confirmAction(t('tasks.deleteConfirm', { title: details.title })))) return;
    try {
      await call('tasks.delete', { id: state.id, scope: inSeries ? scope : 'one' });
      changed();
      closeDialog();
      notify(t('tasks.deleted'), { label: t('common.undo'), run: () => void call('tasks.restore', { id: state.id }).then(changed) });
    } catch (err) {
      setError(errorText(err));
    }
  };

  const reopen = async () => {
    if (state.mode !== 'edit') return;
    try {
      await call('tasks.reopen', { id: state.id });
      changed();
      closeDialog();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const dirty = JSON.stringify(form) !== initial;
  const startDay = isIsoDate(form.date) ? (new Date(`${form.date}T00:00`).getDay() + 6) % 7 : 0;
  return (
    <Dialog title={state.mode === 'create' ? t('tasks.dialog.create') : t('tasks.dialog.edit')} onClose={closeDialog} wide testId="task-dialog" dirty={dirty}>
      <form onSubmit={save} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void save()}>
        <TextField label={t('tasks.fields.title')} value={form.title} onChange={(title) => set({ title })} error={errors.title} autoFocus />
        <div className="grid3">
          <SelectField label={t('tasks.fields.type')} value={form.typeId} onChange={(typeId) => set({ typeId })} options={typeOptions} error={errors.typeId} />
          <SelectField
            label={t('tasks.fields.assignee')}
            value={form.assigneeId}
            onChange={(assigneeId) => set({ assigneeId })}
            options={[['', t('tasks.me')], ...users.filter((u) => u.active || u.id === form.assigneeId).map((u) => [u.id, u.name] as [string, string])]}
            error={errors.assigneeId}
          />
          <SelectField
            label={t('tasks.fields.priority')}
            value={form.priority}
            onChange={(priority) => set({ priority: priority as FormState['priority'] })}
            options={(['low', 'normal', 'high'] as const).map((p) => [p, t(`tasks.priority.${p}`)])}
          />
        </div>
        <div className="row when-row">
          <label className="inline">
            <input type="checkbox" checked={form.allDay} onChange={(e) => set({ allDay: e.target.checked })} /> {t('tasks.fields.allDay')}
          </label>
          <DateField label={t('tasks.fields.date')} value={form.date} onChange={(date) => set({ date })} error={errors.startsAt} />
          {!form.allDay && <TimeField label={t('tasks.fields.time')} value={form.time} onChange={(time) => set({ time })} />}
          {!form.allDay && (
            <TextField label={t('tasks.fields.duration')} type="number" inputMode="numeric" value={form.durationMin} onChange={(durationMin) => set({ durationMin })} error={errors.durationMin} />
          )}
          <DateField label={t('tasks.fields.dueDate')} value={form.dueDate} onChange={(dueDate) => set({ dueDate })} error={errors.dueAt} />
          {!form.allDay && form.dueDate && <TimeField label={t('tasks.fields.dueTime')} value={form.dueTime} onChange={(dueTime) => set({ dueTime })} />}
        </div>
        <div className="grid2">
          {/* Another client means another client's deals: the deal goes with the old client. */}
          <ClientPicker value={form.client} onChange={(client) => set({ client, contactId: '', deal: null })} error={errors.clientId} testId="task-client" />
          {contacts.length > 0 ? (
            <SelectField
              label={t('tasks.fields.contact')}
              value={form.contactId}
              onChange={(contactId) => set({ contactId })}
              options={[['', t('common.none')], ...contacts.map((c) => [c.id, c.name] as [string, string])]}
              error={errors.contactId}
            />
          ) : (
            <span />
          )}
          <DealPicker
            clientId={form.client?.id ?? null}
            value={form.deal}
            onChange={(d) =>
              set(
                d?.client && d.client.id !== form.client?.id
                  ? { deal: { id: d.id, title: d.title }, client: d.client, contactId: '' }
                  : { deal: d && { id: d.id, title: d.title } },
              )
            }
            error={errors.dealId}
          />
        </div>
        <fieldset>
          <legend>{t('tasks.fields.reminders')}</legend>
          <div className="row">
            {REMINDER_CHOICES.map((m) => (
              <label key={m} className="inline">
                <input
                  type="checkbox"
                  checked={form.reminders.includes(m)}
                  onChange={(e) => set({ reminders: e.target.checked ? [...form.reminders, m] : form.reminders.filter((x) => x !== m) })}
                />
                {t(`tasks.remind.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {(state.mode === 'create' || !inSeries || scope === 'series') && (
          <RecurrenceFields value={form.recurrence} onChange={(recurrence) => set({ recurrence })} startDay={startDay} />
        )}
        <TextField label={t('tasks.fields.description')} value={form.description} onChange={(description) => set({ description })} multiline />
        {inSeries && (
          <fieldset data-testid="task-scope">
            <legend>{t('tasks.scope.title')}</legend>
            <label className="inline"><input type="radio" checked={scope === 'one'} onChange={() => setScope('one')} /> {t('tasks.scope.one')}</label>
            <label className="inline"><input type="radio" checked={scope === 'series'} onChange={() => setScope('series')} /> {t('tasks.scope.series')}</label>
          </fieldset>
        )}
        {details?.doneAt && (
          <p className="notice" role="status">
            {t('tasks.doneNotice', { when: formatDateTime(details.doneAt), result: details.result ?? '—' })}{' '}
            <button type="button" className="link" onClick={() => void reopen()}>{t('tasks.reopen')}</button>
          </p>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          {details && !details.doneAt && (
            <button type="button" onClick={() => { closeDialog(); complete(details); }}>{t('tasks.complete')}</button>
          )}
          {details && <button type="button" className="danger" onClick={() => void remove()}>{t('common.delete')}</button>}
          <span className="spacer" />
          <button type="button" onClick={closeDialog}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('common.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
