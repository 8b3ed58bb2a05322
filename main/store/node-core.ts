// The file-format core bound to Node's modules, for the main thread.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { storeCore } from './core.js';

export const core = storeCore({ fs, path, crypto });
export const SCHEMA_VERSION = core.SCHEMA_VERSION;
