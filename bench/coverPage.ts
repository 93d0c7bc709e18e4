/**
 * bench/coverPage.ts — how long a cover page takes to draw (issue 9). Prints, over N renders each
 * (BENCH_RUNS, default 20): the median and slowest time to draw one cover, in the calling thread
 * (renderCover alone) and through the core's worker pool (task `cover.render`, as compose's preview
 * and a send use it, including the copy to and from the thread), for three covers: plain Latin; the
 * healthcare template with a 2,000-character message; Hebrew, Arabic and CJK names (the CJK font
 * embedded). The first render of each thread is shown apart: it reads and parses the font files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoverFieldsSchema, type CoverFieldsInput, type CoverLayout } from '../common/domain/cover';
import { HEALTHCARE_NOTICE } from '../main/core/cover/builtInTemplates';
import { renderCover, type CoverRenderInput } from '../main/core/cover/coverLayout';
import { findCoverFonts } from '../main/core/cover/coverFonts';
import { createCorePool } from '../main/core/workers/corePool';
import { median } from './support/childEmulator';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PLAIN: CoverLayout = { style: 'plain', logoPosition: 'left', title: 'Fax', notice: '' };
const HEALTHCARE: CoverLayout = { style: 'healthcare', logoPosition: 'left', title: 'Confidential fax', notice: HEALTHCARE_NOTICE };
const sender = { name: 'Dr. Ana Souza', organisation: 'Riverside Clinic', phone: '+1 201 555 0100', fax: '+1 201 555 0101' };
const message = Array.from({ length: 60 }, (_v, i) => `Sentence ${i + 1} of the note about the patient.`).join(' ').slice(0, 2_000);

const CASES: Array<{ name: string; layout: CoverLayout; fields: CoverFieldsInput }> = [
  { name: 'plain, Latin', layout: PLAIN, fields: { sender, recipient: { name: 'Jordan Lee', organisation: 'Northside Cardiology', fax: '+1 989 898 9898' }, subject: 'Referral', message: 'Two pages follow.' } },
  { name: 'healthcare, 2,000-character message', layout: HEALTHCARE, fields: { sender, recipient: { name: 'Jordan Lee', organisation: '', fax: '' }, subject: 'Notes', message, urgency: ['urgent'] } },
  { name: 'Hebrew, Arabic and CJK names', layout: HEALTHCARE, fields: { sender, recipient: { name: 'יוסי כהן', organisation: 'مستشفى الأمل', fax: '' }, subject: '山田太郎 — 紹介状', message: 'שלום, 你好.' } },
];

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const fonts = findCoverFonts();
  console.log(`cover page: ${RUNS} renders per case; fonts: ${fonts.regular?.family ?? 'none (Helvetica)'}${fonts.cjk ? ` + ${fonts.cjk.family}` : ', no CJK font'}`);
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-cover-'));
  const pool = createCorePool();
  try {
    for (const [index, c] of CASES.entries()) {
      const input = (i: number, where: string): CoverRenderInput => ({ layout: c.layout, fields: CoverFieldsSchema.parse(c.fields), pages: '3', paper: 'letter', outputPath: join(dir, `${where}-${index}-${i}.pdf`) });
      const timed = async (run: () => Promise<unknown>) => { const t = performance.now(); await run(); return performance.now() - t; };
      const inline: number[] = [];
      const pooled: number[] = [];
      let size = 0;
      for (let i = 0; i < RUNS; i++) {
        inline.push(await timed(async () => { size = (await renderCover(input(i, 'inline'))).sizeBytes; }));
        pooled.push(await timed(() => pool.run('cover.render', input(i, 'pool'))));
      }
      const [firstInline, ...restInline] = inline;
      const [firstPooled, ...restPooled] = pooled;
      console.log(`  ${c.name} (${(size / 1024).toFixed(0)} KB PDF)`);
      console.log(`    calling thread: median ${ms(median(restInline))}, slowest ${ms(Math.max(...restInline))}${index === 0 ? `, first ${ms(firstInline!)} (fonts read)` : ''}`);
      console.log(`    worker pool:    median ${ms(median(restPooled))}, slowest ${ms(Math.max(...restPooled))}${index === 0 ? `, first ${ms(firstPooled!)} (thread start, fonts read)` : ''}`);
    }
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
