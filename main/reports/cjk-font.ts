// The CJK font every desk PDF embeds so Chinese text renders: configured, or a usual system font.
import { existsSync } from 'node:fs';

export interface CjkFont {
  path: string;
  /** The face inside a collection (.ttc); undefined for a single font file. */
  family?: string;
}

const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/System/Library/Fonts/Supplemental/Songti.ttc', family: 'STSongti-SC-Regular' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
];

/** ASSURANCE_DESK_CJK_FONT (path, or path#Face for a collection), then the usual system fonts. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): CjkFont {
  const configured = env.ASSURANCE_DESK_CJK_FONT?.trim();
  if (configured) {
    const [path = '', family] = configured.split('#');
    if (!exists(path)) throw new Error(`ASSURANCE_DESK_CJK_FONT is ${path}, which does not exist`);
    return { path, ...(family ? { family } : path.toLowerCase().endsWith('.ttc') ? { family: 'NotoSansCJKsc-Regular' } : {}) };
  }
  const found = CANDIDATES.find((c) => exists(c.path));
  if (!found) {
    throw new Error(
      'no CJK font found for the receipt PDF: install fonts-noto-cjk (Debian/Ubuntu) or set ASSURANCE_DESK_CJK_FONT to a .ttf/.otf/.ttc file',
    );
  }
  return found;
}

