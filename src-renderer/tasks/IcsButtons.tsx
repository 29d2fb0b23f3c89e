import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, format } from 'date-fns';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { useTasks, userTimeZone } from './store';
import { base64Of } from '../exchange/transfer';

/** Export the calendar shown (mine, everyone's or a colleague's; a month back, a year ahead) to .ics; import events from an .ics file. */
export function IcsButtons({ who }: { who: string }) {
  const { t } = useTranslation();
  const { types, changed } = useTasks();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const exportIcs = async () => {
    setBusy(true);
    try {
      const today = new Date();
      const range = { from: format(addDays(today, -31), 'yyyy-MM-dd'), to: format(addDays(today, 366), 'yyyy-MM-dd') };
      const { ics, count } = await call('tasks.exportIcs', {
        range,
        scope: who === 'mine' ? 'mine' : 'all',
        assigneeIds: who !== 'mine' && who !== 'all' ? [who] : [],
        timeZone: userTimeZone(),
        calendarName: t('app.name'),
      });
      const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `kartoteka-${format(today, 'yyyy-MM-dd')}.ics`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notify(t('tasks.calendar.exported', { count }));
    } catch (e) {
      notifyError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const typeId = types.find((x) => x.code === 'meeting' && !x.archivedAt)?.id ?? types.find((x) => !x.archivedAt)?.id ?? '';
      const r = await call('tasks.importIcs', { data: await base64Of(file), typeId, timeZone: userTimeZone() });
      changed();
      notify(t('tasks.calendar.imported', { imported: r.imported, skipped: r.skipped, problems: r.problems.length }));
    } catch (e) {
      notifyError(errorText(e));
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <>
      <button onClick={() => void exportIcs()} disabled={busy}>{t('tasks.calendar.export')}</button>
      <button onClick={() => fileRef.current?.click()} disabled={busy}>{t('tasks.calendar.import')}</button>
      <input ref={fileRef} type="file" accept=".ics,text/calendar" hidden aria-label={t('tasks.calendar.import')} onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
    </>
  );
}
