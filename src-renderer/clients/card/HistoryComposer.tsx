import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { fieldErrors } from '../../ui/fieldErrors';
import { DateTimeInput, localDateTimeOk } from '../../ui/dates/fields';

const KINDS = ['note', 'call', 'meeting', 'email'] as const;
type Kind = (typeof KINDS)[number];
export const CALL_RESULTS = ['reached', 'no_answer', 'busy', 'callback', 'wrong_number'] as const;

/**
 * The box at the top of a timeline: write a note, or log a call (direction, result,
 * minutes), a meeting or a letter, without a dialog. Ctrl+Enter saves; the time is
 * "now" at the moment of saving unless the user sets another.
 */
export function HistoryComposer(props: { clientId: string; dealId?: string; contacts: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('note');
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [result, setResult] = useState('');
  const [contactId, setContactId] = useState('');
  const [when, setWhen] = useState<string | null>(null);
  const [duration, setDuration] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const resultText = kind === 'call' && result ? t(`history.callResults.${result}`) : '';
    const body = [resultText, text.trim()].filter(Boolean).join('\n');
    if (!body) {
      setError(kind === 'call' ? t('history.callEmpty') : `${t('history.text')}: ${t('common.required')}`);
      textRef.current?.focus();
      return;
    }
    if (when !== null && !localDateTimeOk(when)) {
      setError(`${t('history.occurredAt')}: ${t('dates.invalidDate')}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('history.add', {
        clientId: props.clientId,
        dealId: props.dealId ?? null,
        contactId: contactId || null,
        kind,
        direction: kind === 'call' ? direction : null,
        occurredAt: (when === null ? new Date() : new Date(when)).toISOString(),
        durationMin: (kind === 'call' || kind === 'meeting') && duration ? Number(duration) : null,
        text: body,
      });
      setText('');
      setDuration('');
      setResult('');
      setWhen(null);
      props.onAdded();
      textRef.current?.focus();
    } catch (err) {
      const fe = fieldErrors(err);
      setError(fe.text ? `${t('history.text')}: ${fe.text}` : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="composer"
      onSubmit={submit}
      data-testid="history-form"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <div
        className="composer-tabs"
        role="tablist"
        aria-label={t('history.kind')}
        onKeyDown={(e) => {
          // ←/→ between the tabs, as in any tab list.
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          e.preventDefault();
          const next = KINDS[(KINDS.indexOf(kind) + (e.key === 'ArrowRight' ? 1 : KINDS.length - 1)) % KINDS.length]!;
          setKind(next);
          e.currentTarget.querySelector<HTMLElement>(`[data-kind="${next}"]`)?.focus();
        }}
      >
        {KINDS.map((k) => (
          <button key={k} type="button" role="tab" data-kind={k} aria-selected={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
            {t(`history.composer.${k}`)}
          </button>
        ))}
      </div>
      {kind === 'call' && (
        <div className="row composer-call">
          <div className="segmented" role="radiogroup" aria-label={t('history.directionLabel')}>
            {(['out', 'in'] as const).map((d) => (
              <label key={d} className={direction === d ? 'on' : ''}>
                <input type="radio" name="call-direction" value={d} checked={direction === d} onChange={() => setDirection(d)} />
                {t(`history.directionShort.${d}`)}
              </label>
            ))}
          </div>
          <select aria-label={t('history.callResult')} value={result} onChange={(e) => setResult(e.target.value)}>
            <option value="">{t('history.callResult')}: —</option>
            {CALL_RESULTS.map((r) => <option key={r} value={r}>{t(`history.callResults.${r}`)}</option>)}
          </select>
        </div>
      )}
      <textarea
        ref={textRef}
        aria-label={t('history.text')}
        placeholder={t(`history.placeholders.${kind}`)}
        value={text}
        rows={kind === 'note' ? 3 : 2}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row composer-foot">
        {props.contacts.length > 0 && (
          <select aria-label={t('history.contact')} value={contactId} onChange={(e) => setContactId(e.target.value)}>
            <option value="">{t('history.contact')}: {t('common.none')}</option>
            {props.contacts.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )}
        {(kind === 'call' || kind === 'meeting') && (
          <input type="number" min={0} className="short" aria-label={t('history.duration')} placeholder={t('history.durationShort')} value={duration} onChange={(e) => setDuration(e.target.value)} />
        )}
        {when === null ? (
          <button type="button" className="link small" onClick={() => setWhen(format(new Date(), "yyyy-MM-dd'T'HH:mm"))}>
            {t('history.nowChange')}
          </button>
        ) : (
          <DateTimeInput aria-label={t('history.occurredAt')} value={when} onChange={setWhen} />
        )}
        <span className="spacer" />
        <span className="muted small">{t('history.saveHint')}</span>
        <button type="submit" className="primary" disabled={busy}>{t('history.add')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
