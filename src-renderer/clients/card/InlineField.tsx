import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/dates/DateInput';
import { isIsoDate } from '../../ui/dates/dateText';

export type InlineKind = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkbox';

/**
 * Shows a value; click (or Enter on focus) turns it into an input. Enter or leaving
 * the field saves, Esc cancels. A rejected save keeps the input open with the
 * core's message under it, so nothing typed is lost.
 */
export function InlineField(props: {
  label: string;
  value: string | null;
  display?: string | null;
  kind?: InlineKind;
  options?: [string, string][];
  onSave: (value: string | null) => Promise<string | null>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);
  const kind = props.kind ?? 'text';

  useEffect(() => {
    if (!editing) setDraft(props.value ?? '');
  }, [props.value, editing]);
  useEffect(() => {
    if (editing) ref.current?.focus();
  }, [editing]);

  const save = async () => {
    if (saving) return;
    const next = draft.trim() === '' ? null : draft;
    if (kind === 'date' && next !== null && !isIsoDate(next)) {
      setError(t('dates.invalidDate'));
      return;
    }
    if (next === (props.value ?? null)) {
      setEditing(false);
      setError(null);
      return;
    }
    setSaving(true);
    const err = await props.onSave(next);
    setSaving(false);
    if (err) setError(err);
    else {
      setError(null);
      setEditing(false);
    }
  };
  const cancel = () => {
    setDraft(props.value ?? '');
    setError(null);
    setEditing(false);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && (kind !== 'textarea' || e.ctrlKey)) {
      e.preventDefault();
      void save();
    }
  };

  if (kind === 'checkbox') {
    return (
      <div className="inline-field" data-testid={props.testId}>
        <span className="inline-label">{props.label}</span>
        <input type="checkbox" aria-label={props.label} checked={props.value === '1'} onChange={async (e) => setError(await props.onSave(e.target.checked ? '1' : '0'))} />
        {error && <div className="field-error" role="alert">{error}</div>}
      </div>
    );
  }

  return (
    <div className="inline-field" data-testid={props.testId}>
      <span className="inline-label">{props.label}</span>
      {editing ? (
        <span
          className="inline-editor"
          // A date's editor holds a calendar button and popup: leaving the field means leaving all of it.
          onBlur={kind === 'date' ? (e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && void save() : undefined}
        >
          {kind === 'date' ? (
            <DateInput inputRef={ref} aria-label={props.label} value={draft} onChange={setDraft} onKeyDown={onKey} invalid={!!error} />
          ) : kind === 'textarea' ? (
            <textarea ref={ref} aria-label={props.label} value={draft} rows={4} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} onBlur={save} />
          ) : kind === 'select' ? (
            <select ref={ref} aria-label={props.label} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} onBlur={save}>
              {(props.options ?? []).map(([v, l]) => (
                <option key={v} value={v}>{l}</option>
              ))}
            </select>
          ) : (
            <input ref={ref} aria-label={props.label} type={kind} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} onBlur={save} aria-invalid={!!error} />
          )}
          {error && <div className="field-error" role="alert">{error}</div>}
        </span>
      ) : (
        <button className="inline-value" title={t('card.inlineHint')} aria-label={`${props.label}: ${props.display ?? props.value ?? t('common.none')}`} onClick={() => setEditing(true)}>
          {props.display ?? props.value ?? <span className="muted">{t('common.none')}</span>}
        </button>
      )}
    </div>
  );
}
