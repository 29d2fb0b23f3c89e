import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimeText, langOf, maskTime, parseTime } from './dateText';
import './dates.css';

export interface TimeInputProps {
  /** `HH:mm`, '' when empty, or the text as typed while it is no time. */
  value: string;
  onChange: (value: string) => void;
  id?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  invalid?: boolean;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
}

const STEP = 15;

/** A time field: 24-hour in Russian, h:mm AM/PM in English (both typed forms accepted); ↑/↓ move by 15 minutes. */
export function TimeInput(props: TimeInputProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [text, setText] = useState(() => formatTimeText(props.value, lang));
  const [touched, setTouched] = useState(false);
  const emitted = useRef(props.value);
  const shownLang = useRef(lang);

  useEffect(() => {
    if (props.value !== emitted.current || lang !== shownLang.current) {
      emitted.current = props.value;
      shownLang.current = lang;
      setText(formatTimeText(props.value, lang));
    }
  }, [props.value, lang]);

  const emit = (v: string) => {
    emitted.current = v;
    props.onChange(v);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey) {
      e.preventDefault();
      const [h, m] = (parseTime(text) || '09:00').split(':').map(Number) as [number, number];
      const total = h * 60 + m;
      const minutes = e.key === 'ArrowUp' ? Math.floor(total / STEP) * STEP + STEP : Math.ceil(total / STEP) * STEP - STEP;
      const next = (minutes + 1440) % 1440;
      const hhmm = `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`;
      setText(formatTimeText(hhmm, lang));
      emit(hhmm);
      return;
    }
    props.onKeyDown?.(e);
  };
  const bad = props.invalid || (touched && text !== '' && parseTime(text) === null);

  return (
    <input
      className="time-input"
      id={props.id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      size={lang === 'en' ? 8 : 5}
      placeholder={t('dates.timePlaceholder')}
      aria-label={props['aria-label']}
      aria-describedby={props['aria-describedby']}
      aria-invalid={bad || undefined}
      title={t('dates.timeHint')}
      value={text}
      onChange={(e) => {
        const masked = maskTime(e.target.value);
        setText(masked);
        emit(parseTime(masked) ?? masked);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => {
        setTouched(true);
        const hhmm = parseTime(text);
        if (hhmm) setText(formatTimeText(hhmm, lang));
      }}
    />
  );
}
