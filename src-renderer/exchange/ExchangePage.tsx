import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { confirmAction } from '../ui/Dialog';
import { notifyError } from '../ui/toast';
import { useAction } from '../ui/useAction';
import { useClients } from '../clients/store';
import { ImportWizard } from './ImportWizard';
import { ExportPanel } from './ExportPanel';
import { OneCFilesImport } from '../receivables/OneCFilesImport';
import './exchange.css';
import { useMay } from '../access/store';

type LastImport = ProcOutput<'exchange.lastImport'>;

export function ExchangePage() {
  const { t } = useTranslation();
  const [last, setLast] = useState<LastImport>(null);
  const refreshClients = useClients((s) => s.refresh);
  const reload = useCallback(() => {
    call('exchange.lastImport', {}).then(setLast, (e) => notifyError(errorText(e)));
  }, []);
  useEffect(reload, [reload]);
  const { run } = useAction(
    useCallback(() => {
      refreshClients();
      reload();
    }, [refreshClients, reload]),
  );

  const undo = async () => {
    if (!last || !(await confirmAction(t('exchange.undoConfirm', { name: last.fileName })))) return;
    await run(() => call('exchange.undo', { batchId: last.id }), (r) => t('exchange.undone', r));
  };

  const mayImport = useMay('import');
  const mayExport = useMay('export');
  return (
    <div className="page exchange-page">
      <h1>{t('exchange.title')}</h1>
      {last && (
        <p className="notice row" data-testid="last-import">
          {t('exchange.lastImport', { name: last.fileName, date: formatDateTime(last.createdAt), created: last.created, updated: last.updated })}
          <button className="link" onClick={() => void undo()}>
            {t('exchange.undo')}
          </button>
        </p>
      )}
      {mayImport && <ImportWizard onImported={reload} />}
      {mayImport && <OneCFilesImport onImported={reload} />}
      {mayExport && <ExportPanel />}
      {!mayImport && !mayExport && <p className="empty-state muted">{t('access.exchangeClosed')}</p>}
    </div>
  );
}
