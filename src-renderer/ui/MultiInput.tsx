import { useTranslation } from 'react-i18next';

/** Several phones or e-mails: one input each, an add button, Enter adds a row. */
export function MultiInput(props: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  addLabel: string;
  placeholder?: string;
  type?: 'tel' | 'email';
  errors?: Record<string, string>;
  errorPrefix: string;
}) {
  const { t } = useTranslation();
  const values = props.values.length ? props.values : [''];
  const set = (i: number, v: string) => props.onChange(values.map((x, j) => (j === i ? v : x)));
  return (
    <fieldset className="multi">
      <legend>{props.label}</legend>
      {values.map((v, i) => (
        <div key={i} className="multi-row">
          <input
            type={props.type ?? 'text'}
            aria-label={`${props.label} ${i + 1}`}
            placeholder={props.placeholder}
            value={v}
            aria-invalid={!!props.errors?.[`${props.errorPrefix}.${i}`]}
            onChange={(e) => set(i, e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                props.onChange([...values, '']);
              }
            }}
          />
          {values.length > 1 && (
            <button type="button" className="icon" aria-label={t('common.delete')} onClick={() => props.onChange(values.filter((_, j) => j !== i))}>
              ×
            </button>
          )}
          {props.errors?.[`${props.errorPrefix}.${i}`] && <div className="field-error">{props.errors[`${props.errorPrefix}.${i}`]}</div>}
        </div>
      ))}
      <button type="button" className="link" onClick={() => props.onChange([...values, ''])}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
