import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir.js';

describe('defaultDataDir', () => {
  it('follows each platform convention, with an override', () => {
    expect(defaultDataDir({ HOME: '/home/ann' }, 'linux')).toBe('/home/ann/.local/share/Assurance Desk');
    expect(defaultDataDir({ HOME: '/home/ann', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/Assurance Desk');
    expect(defaultDataDir({ HOME: '/Users/ann' }, 'darwin')).toBe('/Users/ann/Library/Application Support/Assurance Desk');
    expect(defaultDataDir({ USERPROFILE: 'C:\\Users\\ann', APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Assurance Desk');
    expect(defaultDataDir({ ASSURANCE_DESK_DATA: '/srv/desk' }, 'linux')).toBe('/srv/desk');
  });
});
