// A case's owner in words: the operator, or the queue of its level when nobody has it.
/** The translate function, as useTranslation gives it. */
type TFunction = (key: string, options?: Record<string, unknown>) => string;
import type { Ownership } from '../../../shared/domain/ownership.js';

export const levelLabel = (t: TFunction, level: string) => t(`people.level.${level}`, { defaultValue: level });

export const ownershipLabel = (t: TFunction, o: Ownership) => o.owner ?? t('people.queueOf', { level: levelLabel(t, o.level) });
