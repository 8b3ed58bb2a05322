// Where the desk keeps its data when no --data DIR is given.
import * as os from 'node:os';
import * as path from 'node:path';

export const APP_FOLDER = 'Assurance Desk';

/**
 * Windows: %APPDATA%\Assurance Desk; macOS: ~/Library/Application Support/Assurance Desk;
 * Linux and others: $XDG_DATA_HOME/Assurance Desk (default ~/.local/share/Assurance Desk).
 * ASSURANCE_DESK_DATA overrides all of them.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ASSURANCE_DESK_DATA) return path.resolve(env.ASSURANCE_DESK_DATA);
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.posix.join(env.XDG_DATA_HOME || path.posix.join(home, '.local', 'share'), APP_FOLDER);
}
