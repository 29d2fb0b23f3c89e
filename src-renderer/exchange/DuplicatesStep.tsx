import { useTranslation } from 'react-i18next';
import type { ImportResult, MatchKey, Policy } from './types';

const POLICIES: Policy[] = ['update_empty', 'overwrite', 'skip', 'create'];

/** What to do with records that already exist, and how to recognise them. */
export function DuplicatesStep(props: {
  entity: string;
  policy: Policy;
  matchOrder: MatchKey[];
  dry: ImportResult | null;
  onPolicy: (p: Policy) => void;
  onMatchOrder: (m: MatchKey[]) => void;
}) {
  const { t } = useTranslation();
  const up = (i: number) => {
    const next = [...props.matchOrder];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
    props.onMatchOrder(next);
  };
  return (
    <div>
      <fieldset className="xch-policy">
        <legend>{t(props.entity === 'deals' ? 'exchange.policyDeals' : 'exchange.policy')}</legend>
        {POLICIES.map((p) => (
          <label key={p} className="row">
            <input type="radio" name="policy" checked={props.policy === p} onChange={() => props.onPolicy(p)} />
            {t(`exchange.policies.${p}`)}
          </label>
        ))}
      </fieldset>
      {/* A deal is the same deal by its client and title; the order applies to clients. */}
      {props.policy !== 'create' && props.entity !== 'deals' && (
        <div className="row">
          {t('exchange.matchOrder')}:
          <ol className="xch-order">
            {props.matchOrder.map((k, i) => (
              <li key={k}>
                {t(`exchange.matchKeys.${k}`)}
                {i > 0 && (
                  <button className="link" onClick={() => up(i)} aria-label={`${t('exchange.moveUp')}: ${t(`exchange.matchKeys.${k}`)}`}>
                    ↑
                  </button>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      {props.dry && (
        <p className="notice" data-testid="dry-run">
          {t('exchange.dryRun', { created: props.dry.created, updated: props.dry.updated, skipped: props.dry.skipped })}
        </p>
      )}
    </div>
  );
}
