import { useTranslation } from 'react-i18next';
import { CustomFieldsSection } from '../../settings/CustomFieldsSection';
import { useDeals } from '../store';

/** Custom fields of deals: the clients' mechanism, with entity 'deal'. */
export function DealFieldsSection() {
  const { t } = useTranslation();
  const { fields, reload } = useDeals();
  return <CustomFieldsSection entity="deal" title={t('deals.settings.fields')} fields={fields} onChanged={reload} />;
}
