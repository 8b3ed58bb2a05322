// Every call of the contract, mapped to its domain's handler. The type makes a missing one an error.
import { caseHandlers } from './cases/app.js';
import type { Handlers, Services } from './context.js';
import { CustomerDirectory } from './customers/directory.js';
import { customerHandlers } from './customers/app.js';
import { operatorHandlers } from './operators/app.js';
import { settingsHandlers } from './settings/app.js';

export function handlers(services: Services): Handlers {
  return {
    ...operatorHandlers,
    ...settingsHandlers,
    ...customerHandlers(new CustomerDirectory(services.store)),
    ...caseHandlers,
  };
}
