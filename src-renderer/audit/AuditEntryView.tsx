import type { ProcOutput } from '../api/client';
import { formatDateTime } from '../i18n';
import { actionText, detailLines, doorText, targetText, whoText } from '../../src-main/shared/audit-text';
import { useAuditText } from './text';

export type AuditRow = ProcOutput<'audit.list'>['rows'][number];

/** One entry: when, who and from where, the action and its record, then the details (a change per line). */
export function AuditEntryView({ entry, showTarget = true, onRecord }: { entry: AuditRow; showTarget?: boolean; onRecord?: () => void }) {
  const { tr, lang } = useAuditText();
  const lines = detailLines(tr, lang, entry);
  return (
    <div className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-head">
        <span className="audit-at">{formatDateTime(entry.at)}</span>
        <span className="audit-who">{whoText(tr, entry)}</span>
        <span className="muted small">{doorText(tr, entry)}</span>
        <strong className="audit-action">{actionText(tr, entry.action)}</strong>
        {showTarget &&
          (onRecord ? (
            <button type="button" className="link audit-target" title={tr('audit.filters.thisRecord', { name: entry.targetName ?? '' })} onClick={onRecord}>
              {targetText(tr, entry)}
            </button>
          ) : (
            <span className="audit-target">{targetText(tr, entry)}</span>
          ))}
      </div>
      {lines.length > 0 && (
        <ul className="audit-details">
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
