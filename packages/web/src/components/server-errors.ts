import type { UseFormReturnType } from '@mantine/form';
import { fieldErrorsOf } from '../app/api/problem';

/** Puts the server's field errors (`/body/<field>`) on the form's fields of the same name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function applyServerErrors(form: UseFormReturnType<any>, error: unknown): void {
  const fields = fieldErrorsOf(error);
  const known = Object.fromEntries(Object.entries(fields).filter(([field]) => field in form.getValues()));
  if (Object.keys(known).length > 0) form.setErrors(known);
}
