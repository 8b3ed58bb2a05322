import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { localiseDeskError, localiseServerMessage } from '../i18n/server-errors.js';

/** Errors from the desk, kept per field so each shows next to its input; others go to `form`. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { i18n } = useTranslation();
  return {
    errors,
    clear: () => setErrors((current) => (Object.keys(current).length === 0 ? current : {})),
    /** A message already in words, or one of the contract's (English, checked before sending): shown in the interface language. */
    set: (field: string, message: string) => setErrors((current) => ({ ...current, [field]: localiseServerMessage(message, i18n.language) })),
    /** Records a failed call's error; rethrows anything that is not a desk error. */
    fromError(error: unknown) {
      if (!(error instanceof ApiError)) throw error;
      setErrors({ [error.field ?? 'form']: localiseDeskError(error.shape, i18n.language) });
    },
    /** helperText/error props for a TextField bound to this field. */
    props: (field: string, hint?: string) => ({ error: field in errors, helperText: errors[field] ?? hint }),
  };
}
