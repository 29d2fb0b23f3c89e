import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ConfirmedDelete } from '../ui/ConfirmedDelete';
import { useLookups } from './lookups';
import { useAction } from '../ui/useAction';

export function TagsSection() {
  const { t } = useTranslation();
  const tags = useLookups((s) => s.tags);
  const [name, setName] = useState('');
  const [color, setColor] = useState('#2f9e44');
  const { run } = useAction(useLookups((s) => s.reload));
  return (
    <section className="panel">
      <h2>{t('settings.tags')}</h2>
      <ul className="settings-list">
        {tags.map((tag) => (
          <li key={tag.id}>
            <input type="color" aria-label={t('common.color')} defaultValue={tag.color} onBlur={(e) => e.target.value !== tag.color && run(() => call('tags.update', { id: tag.id, name: tag.name, color: e.target.value }))} />
            <input aria-label={t('common.name')} defaultValue={tag.name} onBlur={(e) => e.target.value.trim() && e.target.value !== tag.name && run(() => call('tags.update', { id: tag.id, name: e.target.value, color: tag.color }))} />
            <span className="muted">{t('settings.tagClients', { count: tag.clients })}</span>
            <ConfirmedDelete
              question={t('settings.deleteTagConfirm', { name: tag.name, count: tag.clients })}
              onConfirmed={() => run(() => call('tags.delete', { id: tag.id }))}
            />
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await run(() => call('tags.create', { name, color })))) setName('');
        }}
      >
        <input type="color" aria-label={t('common.color')} value={color} onChange={(e) => setColor(e.target.value)} />
        <input aria-label={t('common.name')} placeholder={t('common.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('settings.addTag')}</button>
      </form>
    </section>
  );
}
