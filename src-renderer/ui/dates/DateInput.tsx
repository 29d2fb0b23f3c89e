import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { addDaysIso, formatDateText, langOf, maskDate, parseDate } from './dateText';
import './dates.css';

// The month grid (react-day-picker) loads the first time a calendar is opened.
const CalendarPopup = lazy(async () => ({ default: (await import('./CalendarPopup')).CalendarPopup }));

export interface DateInputProps {
  /** `yyyy-MM-dd`, '' when empty, or the text as typed while it is no date (the form then refuses it). */
  value: string;
  onChange: (value: string) => void;
  id?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A date field in the app's language (dd.mm.yyyy in Russian) whatever the browser's
 * locale: typed with a mask, ↑/↓ a day forth/back, Alt+↓ or F4 (or the button) opens
 * a calendar. Replaces `<input type="date">`, which follows the browser's locale.
 */
export function DateInput(props: DateInputProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [text, setText] = useState(() => formatDateText(props.value, lang));
  const [open, setOpen] = useState(false);
  const [touched, setTouched] = useState(false);
  const emitted = useRef(props.value);
  const shownLang = useRef(lang);
  const wrap = useRef<HTMLSpanElement>(null);
  const input = useRef<HTMLInputElement | null>(null);

  // A value set from outside (a default, a reset after saving) or another language replaces what is shown.
  useEffect(() => {
    if (props.value !== emitted.current || lang !== shownLang.current) {
      emitted.current = props.value;
      shownLang.current = lang;
      setText(formatDateText(props.value, lang));
    }
  }, [props.value, lang]);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => !wrap.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const emit = (v: string) => {
    emitted.current = v;
    props.onChange(v);
  };
  const type = (raw: string) => {
    const masked = maskDate(raw, lang);
    setText(masked);
    const iso = parseDate(masked, lang);
    emit(iso ?? masked);
  };
  const pick = (iso: string) => {
    setText(formatDateText(iso, lang));
    emit(iso);
    setOpen(false);
    input.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.altKey && e.key === 'ArrowDown') || e.key === 'F4') {
      e.preventDefault();
      setOpen(true);
      return;
    }
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey) {
      e.preventDefault();
      const current = parseDate(text, lang) || todayIso();
      pick(addDaysIso(current, e.key === 'ArrowUp' ? 1 : -1));
      return;
    }
    props.onKeyDown?.(e);
  };
  const bad = props.invalid || (touched && text !== '' && parseDate(text, lang) === null);

  return (
    <span className="date-input" ref={wrap}>
      <input
        ref={(el) => {
          input.current = el;
          if (typeof props.inputRef === 'function') props.inputRef(el);
          else if (props.inputRef) (props.inputRef as { current: HTMLInputElement | null }).current = el;
        }}
        id={props.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={10}
        placeholder={t('dates.datePlaceholder')}
        aria-label={props['aria-label']}
        aria-describedby={props['aria-describedby']}
        aria-invalid={bad || undefined}
        aria-keyshortcuts="Alt+ArrowDown F4"
        title={t('dates.dateHint')}
        autoFocus={props.autoFocus}

        value={text}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setTouched(true);
          const iso = parseDate(text, lang);
          if (iso) setText(formatDateText(iso, lang));
        }}
      />
      <button
        type="button"
        className="date-button"
        tabIndex={-1}
        aria-label={t('dates.openCalendar')}
        title={t('dates.openCalendar')}
        onClick={() => setOpen((o) => !o)}
      >
        <CalendarIcon />
      </button>
      {open && (
        <Suspense fallback={null}>
          <CalendarPopup
            value={emitted.current}
            lang={lang}
            onPick={pick}
            onClose={() => {
              setOpen(false);
              input.current?.focus();
            }}
          />
        </Suspense>
      )}
    </span>
  );
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function CalendarIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
    </svg>
  );
}
