import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { notifySuccess } from '../notify';

/** The fields of `after` that differ from `before`: a save sends only those, so that it does not overwrite a concurrent change to another field. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes;
}

interface SaveRecordOptions<T, V, S> {
  /** Sends the form's values for the record as it was shown. */
  update: (current: T, values: V) => Promise<S>;
  /** The key of the record's own query, which takes the saved record. */
  recordKey: (saved: S) => QueryKey;
  /** The list of this kind of record, read again after a save. */
  listKey: QueryKey;
  notice: (saved: S) => [title: string, detail?: string];
}

export type SaveRecord<T, V, S> = UseMutationResult<S, Error, { current: T; values: V }>;

/**
 * Saves the form of a record's page: the answer replaces the record on screen (merged, since it may lack what the
 * page reads besides, such as a vendor's contacts), and the list and audit trail are read again.
 */
export function useSaveRecord<T, V, S extends { id: string }>({ update, recordKey, listKey, notice }: SaveRecordOptions<T, V, S>): SaveRecord<T, V, S> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, values }: { current: T; values: V }) => update(current, values),
    onSuccess: (saved) => {
      queryClient.setQueryData<object>(recordKey(saved), (shown) => (shown ? { ...shown, ...saved } : shown));
      void queryClient.invalidateQueries({ queryKey: listKey });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess(...notice(saved));
    },
  });
}

/** What a record's form takes from its save: the state of the save, and reloading after a conflict. */
export function saveFormProps<T, V, S>(save: SaveRecord<T, V, S>, current: T, reload: () => void) {
  return {
    submitLabel: 'Save changes',
    pending: save.isPending,
    error: save.error,
    onSubmit: (values: V) => save.mutate({ current, values }),
    onReload: () => {
      save.reset();
      reload();
    },
  };
}
