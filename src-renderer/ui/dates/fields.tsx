import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from './DateInput';
import { TimeInput } from './TimeInput';
import { isIsoDate, isIsoTime } from './dateText';

/** A labelled date field with its error under it, like `TextField`. */
export function DateField(props: { label: string; value: string; onChange: (v: string) => void; error?: string; autoFocus?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <DateInput id={id} value={props.value} onChange={props.onChange} invalid={!!props.error} aria-describedby={props.error ? id + '-err' : undefined} autoFocus={props.autoFocus} />
      {props.error && <div className="field-error" id={id + '-err'} role="alert">{props.error}</div>}
    </div>
  );
}

/** A labelled time field with its error under it. */
export function TimeField(props: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <TimeInput id={id} value={props.value} onChange={props.onChange} invalid={!!props.error} aria-describedby={props.error ? id + '-err' : undefined} />
      {props.error && <div className="field-error" id={id + '-err'} role="alert">{props.error}</div>}
    </div>
  );
}

/**
 * A date and a time side by side holding one local `yyyy-MM-ddTHH:mm` (what
 * `<input type="datetime-local">` held). While either part is no date/time the value
 * carries the text as typed; `localDateTimeOk` tells a form whether it can be saved.
 */
export function DateTimeInput(props: { value: string; onChange: (v: string) => void; 'aria-label': string; invalid?: boolean }) {
  const { t } = useTranslation();
  const [date = '', time = ''] = props.value.split('T');
  return (
    <span className="date-time-input" role="group" aria-label={props['aria-label']}>
      <DateInput value={date} onChange={(d) => props.onChange(`${d}T${time}`)} aria-label={`${props['aria-label']}: ${t('dates.date')}`} invalid={props.invalid} />
      <TimeInput value={time} onChange={(tm) => props.onChange(`${date}T${tm}`)} aria-label={`${props['aria-label']}: ${t('dates.time')}`} invalid={props.invalid} />
    </span>
  );
}

export function localDateTimeOk(value: string): boolean {
  const [date = '', time = ''] = value.split('T');
  return isIsoDate(date) && isIsoTime(time);
}
