import { useState } from 'react';
import { ApiError } from '../api/client.js';

/** Errors from the desk, kept per field so each shows next to its input; others go to `form`. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    clear: () => setErrors({}),
    set: (field: string, message: string) => setErrors((current) => ({ ...current, [field]: message })),
    /** Records a failed call's error; rethrows anything that is not a desk error. */
    fromError(error: unknown) {
      if (!(error instanceof ApiError)) throw error;
      setErrors({ [error.field ?? 'form']: error.message });
    },
    /** helperText/error props for a TextField bound to this field. */
    props: (field: string, hint?: string) => ({ error: field in errors, helperText: errors[field] ?? hint }),
  };
}
