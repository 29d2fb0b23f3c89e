import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput } from '../api/client';
import { errorText } from '../i18n';
import { TaskItem } from './TaskItem';
import { useTasks, userTimeZone, type TaskRow } from './store';

type Bucket = ProcInput<'tasks.list'>['bucket'];
type Filter = NonNullable<ProcInput<'tasks.list'>['filter']>;
const PAGE = 50;

/** One bucket (Overdue, Today, …): its count in the heading, pages of 50 on demand. */
export function BucketList({ bucket, filter, count, open: openAtStart }: { bucket: Bucket; filter: Filter; count: number | undefined; open?: boolean }) {
  const { t } = useTranslation();
  const version = useTasks((s) => s.version);
  const [rows, setRows] = useState<TaskRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(openAtStart ?? (bucket !== 'done' && bucket !== 'later'));

  const load = useCallback(
    async (offset: number) => {
      try {
        const page = await call('tasks.list', { bucket, filter, timeZone: userTimeZone(), offset, limit: PAGE });
        setRows((prev) => (offset ? [...prev, ...page] : page));
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [bucket, filter],
  );
  useEffect(() => {
    if (open) void load(0);
  }, [open, load, version]);

  return (
    <section className={`panel bucket bucket-${bucket}`} aria-label={t(`tasks.buckets.${bucket}`)} data-testid={`bucket-${bucket}`}>
      <h2>
        <button className="link bucket-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t(`tasks.buckets.${bucket}`)}
        </button>
        <span className="muted count">{count ?? ''}</span>
      </h2>
      {open && (
        <>
          {error && <p className="error" role="alert">{error}</p>}
          {rows.length === 0 && !error && <p className="muted">{t(`tasks.empty.${bucket}`)}</p>}
          <ul className="task-list">
            {rows.map((r) => <TaskItem key={r.id} task={r} />)}
          </ul>
          {count !== undefined && rows.length < count && rows.length > 0 && (
            <button className="link" onClick={() => void load(rows.length)}>{t('tasks.showMore', { count: count - rows.length })}</button>
          )}
        </>
      )}
    </section>
  );
}
