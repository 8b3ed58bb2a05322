// The key folder: where a desk keeps what must not travel with its data folder (secrets, keys),
// so a copied or stolen data folder carries none of them. Never inside --data.
import * as os from 'node:os';
import * as path from 'node:path';
import { APP_FOLDER } from './data-dir.js';

/**
 * Windows: %LOCALAPPDATA%\Assurance Desk\keys (not %APPDATA%, where the default data folder is); macOS: ~/Library/Preferences/Assurance Desk/keys;
 * Linux and others: $XDG_CONFIG_HOME/Assurance Desk/keys (default ~/.config/…).
 * ASSURANCE_DESK_KEY_DIR overrides all of them (as does the hosts' --key-dir).
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ASSURANCE_DESK_KEY_DIR) return path.resolve(env.ASSURANCE_DESK_KEY_DIR);
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), APP_FOLDER, 'keys');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Preferences', APP_FOLDER, 'keys');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER, 'keys');
}

/** The key folder to use for dataDir: refused when it lies inside the data folder. */
export function keyDirFor(dataDir: string, keyDir: string = defaultKeyDir()): string {
  const data = path.resolve(dataDir);
  const keys = path.resolve(keyDir);
  if (keys === data || keys.startsWith(data + path.sep)) throw new Error(`--key-dir: the key folder must be outside the data folder (${data})`);
  return keys;
}
