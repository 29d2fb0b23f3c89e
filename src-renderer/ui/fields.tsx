import { useId } from 'react';

export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  type?: string;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea id={id} value={props.value} autoFocus={props.autoFocus} onChange={(e) => props.onChange(e.target.value)} aria-invalid={!!props.error} rows={3} />
      ) : (
        <input
          id={id}
          type={props.type ?? 'text'}
          value={props.value}
          autoFocus={props.autoFocus}
         
          inputMode={props.inputMode}
          aria-invalid={!!props.error}
          aria-describedby={props.error ? id + '-err' : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.error && (
        <div className="field-error" id={id + '-err'} role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

export function SelectField(props: { label: string; value: string; onChange: (v: string) => void; options: [string, string][]; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={!!props.error}>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {props.error && <div className="field-error" role="alert">{props.error}</div>}
    </div>
  );
}
