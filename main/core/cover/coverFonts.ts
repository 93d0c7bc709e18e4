import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fontkit from '@pdf-lib/fontkit';

/**
 * Fonts for cover pages, looked up where each system keeps them. A cover must draw any name a
 * person types: a font with wide coverage (Latin, Greek, Cyrillic, Hebrew, Arabic) first, a CJK
 * font for Chinese, Japanese and Korean, and where neither is installed the PDF's own Helvetica,
 * saying so. Only single-font files (TTF/OTF): pdf-lib cannot embed from a collection (TTC).
 * `FAXDESK_COVER_FONT` / `FAXDESK_COVER_CJK_FONT` name other files.
 */
const WIDE = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', // Debian fonts-dejavu-core
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', // Debian fonts-noto-core
  '/usr/share/fonts/TTF/DejaVuSans.ttf', // Arch, Fedora
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/Library/Fonts/Arial Unicode.ttf', // macOS
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\arial.ttf', // Windows: Latin, Greek, Cyrillic, Hebrew, Arabic
];
const WIDE_BOLD: Record<string, string> = {
  'DejaVuSans.ttf': 'DejaVuSans-Bold.ttf',
  'NotoSans-Regular.ttf': 'NotoSans-Bold.ttf',
  'arial.ttf': 'arialbd.ttf',
};
const CJK = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', // Debian fonts-droid-fallback (1.8 MB)
  '/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf',
  '/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf', // Fedora
  '/Library/Fonts/Arial Unicode.ttf', // macOS: covers CJK too
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\simsunb.ttf',
];

export interface CoverFontFile {
  path: string;
  /** The font's family name, as a person knows it. */
  family: string;
  bytes: Uint8Array;
  has(codePoint: number): boolean;
}

export interface CoverFontSet {
  regular?: CoverFontFile;
  bold?: CoverFontFile;
  cjk?: CoverFontFile;
}

const loaded = new Map<string, CoverFontFile | null>();

function load(path: string | undefined): CoverFontFile | undefined {
  if (!path) return undefined;
  if (!loaded.has(path)) {
    let file: CoverFontFile | null = null;
    try {
      if (existsSync(path)) {
        const bytes = new Uint8Array(readFileSync(path));
        const font = fontkit.create(bytes);
        if (typeof font.hasGlyphForCodePoint === 'function') {
          file = { path, family: font.familyName || basename(path), bytes, has: (cp) => font.hasGlyphForCodePoint(cp) };
        }
      }
    } catch {
      file = null; // unreadable or a collection: the next candidate
    }
    loaded.set(path, file);
  }
  return loaded.get(path) ?? undefined;
}

const first = (paths: Array<string | undefined>) => paths.reduce<CoverFontFile | undefined>((found, path) => found ?? load(path), undefined);

/** The fonts found on this computer (read once per thread). `candidates` replaces the lists (tests). */
export function findCoverFonts(candidates?: { wide: string[]; cjk: string[] }): CoverFontSet {
  const wide = candidates?.wide ?? [process.env.FAXDESK_COVER_FONT, ...WIDE];
  const regular = first(wide);
  const boldName = regular ? WIDE_BOLD[basename(regular.path)] : undefined;
  const bold = boldName ? load(regular!.path.slice(0, -basename(regular!.path).length) + boldName) : undefined;
  const cjk = first(candidates?.cjk ?? [process.env.FAXDESK_COVER_CJK_FONT, ...CJK]);
  return { regular, bold, cjk: cjk && cjk.path !== regular?.path ? cjk : undefined };
}
