import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentInfo } from '../../common/domain/document';
import type { Core } from '../../main/core/app';

/**
 * The files bench/documents normalises into one 200-page fax: ten files of the kinds an office
 * faxes. Every kind other than PDF (scans, a fax TIFF, a Word letter, plain text) is offered to the
 * core with a quick add and used once `document.normalize` accepts it, so the figure follows the
 * converters as they land. PDFs of varied producers (the shared corpus when present, pdf-lib
 * otherwise) fill the rest, and a generated PDF tops the count up to exactly 200 pages.
 */

export const TARGET_PAGES = 200;
const FILE_COUNT = 10;

export interface MixFile { path: string; name: string; origin: string; bytes: number; pages: number }
export interface FileMix {
  files: MixFile[];
  /** A 2-page PDF for the warm-up send (made here, so no run allocates it in the measured process). */
  warmPath: string;
  /** Pages of each file that go into the fax (the last one may be cut short to make 200). */
  pagesUsed: number[];
  notes: string[];
}

interface Candidate { path: string; name: string; origin: string }
interface CorpusEntry { path?: string; pages?: number; encrypted?: boolean; producer?: string | null }

/** What the core makes of a file: its page count, or why it refused it (the document is removed again). */
export async function probe(core: Core, candidate: Candidate): Promise<{ pages: number | null } | { refused: string }> {
  const result = (await core.dispatch('documents.addFile', { path: candidate.path, name: candidate.name })) as { ok: boolean; value?: DocumentInfo; error?: { message: string } };
  if (!result.ok) return { refused: result.error?.message ?? 'refused' };
  await core.dispatch('documents.remove', { id: result.value!.id });
  return { pages: result.value!.sentAs === 'pdf' ? result.value!.pages : null };
}

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** A 3-page CCITT G4 fax at 204×196 dpi, made with libtiff's tools when they are installed. */
function faxTiff(dir: string): Candidate | undefined {
  if (!has('ppm2tiff') || !has('tiffcp')) return undefined;
  const width = 1728;
  const height = 2200;
  const pages: string[] = [];
  for (let page = 0; page < 3; page++) {
    const bits = Buffer.alloc((width / 8) * height);
    // Text-like bars: a line of "words" every 40 rows, a different rhythm per page.
    for (let y = 200; y < height - 200; y++) {
      if ((y % 40) >= 14) continue;
      for (let x = 25; x < 190; x++) if (((x + page * 7) % 11) < 8) bits[y * (width / 8) + x] = 0xff;
    }
    const pbm = join(dir, `fax-${page}.pbm`);
    writeFileSync(pbm, Buffer.concat([Buffer.from(`P4\n${width} ${height}\n`), bits]));
    const tif = join(dir, `fax-${page}.tif`);
    spawnSync('ppm2tiff', ['-c', 'g4', '-R', '204', pbm, tif]);
    if (has('tiffset')) spawnSync('tiffset', ['-s', '283', '196', tif]);
    pages.push(tif);
  }
  const path = join(dir, 'fax-g4.tif');
  spawnSync('tiffcp', [...pages, path]);
  return existsSync(path) ? { path, name: 'fax-g4.tif', origin: 'CCITT G4, 3 pages (libtiff)' } : undefined;
}

function letterText(lines: number): string {
  return Array.from({ length: lines }, (_v, i) => `${String(i + 1).padStart(3)}  Re: referral of the patient named above; results attached, please call with questions.`).join('\n');
}

/** A Word letter made by LibreOffice from text (a private profile, as the core's converter uses). */
function wordLetter(dir: string): Candidate | undefined {
  const soffice = ['soffice', 'libreoffice'].find(has);
  if (!soffice) return undefined;
  const text = join(dir, 'letter.txt');
  writeFileSync(text, letterText(120));
  spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'docx', '--outdir', dir, text], { timeout: 120_000 });
  const path = join(dir, 'letter.docx');
  return existsSync(path) ? { path, name: 'letter.docx', origin: 'DOCX (LibreOffice)' } : undefined;
}

function notes(dir: string): Candidate {
  const path = join(dir, 'notes.txt');
  writeFileSync(path, letterText(150));
  return { path, name: 'notes.txt', origin: 'plain text' };
}

function corpusEntries(corpus: string): CorpusEntry[] {
  const listed = JSON.parse(readFileSync(join(corpus, 'files.json'), 'utf8')) as { data?: CorpusEntry[] } | CorpusEntry[];
  return (Array.isArray(listed) ? listed : listed.data ?? []).filter((entry) => entry.path && existsSync(join(corpus, entry.path)));
}

/** Copies a corpus file into the bench folder (the core adds files by path; the corpus stays untouched). */
function fromCorpus(corpus: string, dir: string, path: string, origin: string): Candidate {
  const name = path.split('/').pop()!;
  const copy = join(dir, name);
  copyFileSync(join(corpus, path), copy);
  return { path: copy, name, origin };
}

/** Scans, a fax, a Word letter and text: the kinds other than PDF, where they can be had here. */
function otherKinds(corpus: string | undefined, dir: string): Candidate[] {
  const found: Array<Candidate | undefined> = [faxTiff(dir), wordLetter(dir), notes(dir)];
  if (corpus) {
    for (const [path, origin] of [['007-imagemagick-images/smile.png', 'PNG (corpus)'], ['003-pdflatex-image/image.jpg', 'JPEG (corpus)']] as const) {
      if (existsSync(join(corpus, path))) found.push(fromCorpus(corpus, dir, path, origin));
    }
  }
  return found.filter((candidate): candidate is Candidate => candidate !== undefined);
}

/** PDFs of distinct producers, the longest first, then the largest: the corpus's variety. */
function corpusPdfs(corpus: string, dir: string): Candidate[] {
  const entries = corpusEntries(corpus).filter((entry) => entry.path!.endsWith('.pdf') && !entry.encrypted);
  const bytes = (entry: CorpusEntry) => statSync(join(corpus, entry.path!)).size;
  const ordered = [...entries].sort((a, b) => (b.pages ?? 0) - (a.pages ?? 0)).slice(0, 1)
    .concat([...entries].sort((a, b) => bytes(b) - bytes(a)));
  const producers = new Set<string>();
  const picked: Candidate[] = [];
  for (const entry of ordered) {
    const producer = entry.producer ?? 'none';
    if (producers.has(producer)) continue;
    producers.add(producer);
    picked.push(fromCorpus(corpus, dir, entry.path!, `PDF by ${producer}`));
  }
  return picked;
}

/** Without the corpus: pdf-lib PDFs of varied lengths and weights (padding stands in for images). */
async function generatedPdfs(dir: string): Promise<Candidate[]> {
  const { pdfBytes } = await import('../../test/support/testKit');
  const shapes: Array<[pages: number, padding: number]> = [[60, 0], [40, 1 << 20], [20, 0], [10, 3 << 20], [5, 0], [1, 2 << 20], [2, 512 << 10], [3, 0], [1, 0]];
  const out: Candidate[] = [];
  for (const [index, [pages, padding]] of shapes.entries()) {
    const path = join(dir, `generated-${index + 1}.pdf`);
    writeFileSync(path, await pdfBytes({ pages, text: `Generated document ${index + 1}`, paddingBytes: padding }));
    out.push({ path, name: `generated-${index + 1}.pdf`, origin: `pdf-lib, ${pages} p${padding ? ` + ${(padding / 1048576).toFixed(1)} MB` : ''}` });
  }
  return out;
}

/** Chooses the ten files; `core` answers the quick adds. */
export async function buildFileMix(core: Core, corpus: string | undefined, workDir: string): Promise<FileMix> {
  const dir = join(workDir, 'mix');
  mkdirSync(dir, { recursive: true });
  const { pdfBytes } = await import('../../test/support/testKit');
  const warmPath = join(dir, 'warm.pdf');
  writeFileSync(warmPath, await pdfBytes({ pages: 2, text: 'warm-up' }));
  const mix: FileMix = { files: [], warmPath, pagesUsed: [], notes: [] };
  const take = (candidate: Candidate, pages: number) => {
    mix.files.push({ ...candidate, bytes: statSync(candidate.path).size, pages });
    mix.pagesUsed.push(pages);
  };
  for (const candidate of otherKinds(corpus, dir)) {
    const verdict = await probe(core, candidate);
    if ('refused' in verdict) mix.notes.push(`${candidate.name} (${candidate.origin}) not accepted yet: ${verdict.refused}`);
    else if (verdict.pages === null) mix.notes.push(`${candidate.name} (${candidate.origin}) is sent as it is (no pages of its own): not in the merged PDF`);
    else take(candidate, verdict.pages);
  }
  const pdfs = corpus ? corpusPdfs(corpus, dir) : await generatedPdfs(dir);
  for (const candidate of pdfs) {
    if (mix.files.length >= FILE_COUNT - 1) break;
    const verdict = await probe(core, candidate);
    if ('pages' in verdict && verdict.pages) take(candidate, verdict.pages);
    else mix.notes.push(`${candidate.name} skipped: ${'refused' in verdict ? verdict.refused : 'no pages'}`);
  }
  // Cut the mix to 199 pages at most, then one generated PDF makes it exactly 200.
  let total = 0;
  mix.pagesUsed = mix.pagesUsed.map((pages) => { const used = Math.min(pages, TARGET_PAGES - 1 - total); total += used; return used; });
  const fillerPages = TARGET_PAGES - total;
  const fillerPath = join(dir, 'filler.pdf');
  writeFileSync(fillerPath, await pdfBytes({ pages: fillerPages, text: 'Faxdesk bench filler page' }));
  take({ path: fillerPath, name: 'filler.pdf', origin: `pdf-lib, ${fillerPages} pages to make ${TARGET_PAGES}` }, fillerPages);
  return mix;
}
