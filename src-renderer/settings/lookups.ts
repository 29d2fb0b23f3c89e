import { create } from 'zustand';
import { call, type ProcOutput } from '../api/client';

// Reference lists used across screens (filters, forms, cards). Reloaded after any
// change in settings so every screen sees the same values.
interface Lookups {
  users: ProcOutput<'users.list'>;
  tags: ProcOutput<'tags.list'>;
  fields: ProcOutput<'customFields.list'>;
  regions: string[];
  loaded: boolean;
  reload(): Promise<void>;
}

export const useLookups = create<Lookups>((set) => ({
  users: [],
  tags: [],
  fields: [],
  regions: [],
  loaded: false,
  reload: async () => {
    const [users, tags, fields, regions] = await Promise.all([
      call('users.list', {}),
      call('tags.list', {}),
      call('customFields.list', { entity: 'client' }),
      call('clients.regions', {}),
    ]);
    set({ users, tags, fields, regions, loaded: true });
  },
}));
