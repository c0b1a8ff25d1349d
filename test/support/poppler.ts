import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * PDFs are read back with poppler-utils (pdftotext, pdffonts, pdfinfo), as a person's viewer would. Missing here,
 * the checks are skipped with a warning naming the suite; with CI=true they must run (.ci/run installs them).
 */
export function popplerAvailable(suite: string): boolean {
  const available = ['pdftotext', 'pdffonts', 'pdfinfo'].every((tool) => spawnSync(tool, ['-v']).error === undefined);
  if (!available) {
    if (process.env.CI === 'true') throw new Error(`CI=true but pdftotext/pdffonts/pdfinfo (poppler-utils) are missing: ${suite} must be checked in CI`);
    console.warn(`\n⚠ pdftotext/pdffonts/pdfinfo (poppler-utils) not found: ${suite} is NOT CHECKED on this machine.\n`);
  }
  return available;
}

/** A scratch folder for one suite's PDFs, removed after it; `saved` writes a PDF there and returns its path. */
export function pdfScratch(prefix: string): { saved(pdf: Uint8Array): string } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `kyodo-${prefix}-`));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
  let files = 0;
  return {
    saved(pdf) {
      const file = path.join(scratch, `${++files}.pdf`);
      fs.writeFileSync(file, pdf);
      return file;
    },
  };
}

/** The text of a PDF laid out as on its pages (columns kept apart by runs of spaces; pages by form feeds). */
export const pdfText = (pdf: Uint8Array): string => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });

/** The text with no white space at all: a sentence that wraps over lines is found whole. */
export const squeezed = (text: string): string => text.replace(/\s+/g, '');

/**
 * A suite's PDFs read back through its scratch folder: each page's text as laid out, the non-blank lines (as laid
 * out, or trimmed with column gaps made one space), all the text squeezed, the fonts, and pdfinfo's report.
 */
export function pdfReader(prefix: string) {
  const { saved } = pdfScratch(prefix);
  const pagesOf = (pdf: Uint8Array): string[] =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', saved(pdf), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const rawLinesOf = (pdf: Uint8Array): string[] => pagesOf(pdf).join('\n').split('\n').filter((line) => line.trim() !== '');
  return {
    saved,
    pagesOf,
    rawLinesOf,
    linesOf: (pdf: Uint8Array): string[] => rawLinesOf(pdf).map((line) => line.trim().replace(/\s+/g, ' ')),
    flat: (pdf: Uint8Array): string => squeezed(pagesOf(pdf).join('')),
    fontsOf(pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
      const lines = execFileSync('pdffonts', [saved(pdf)], { encoding: 'utf8' }).trim().split('\n').slice(2);
      return lines.map((line) => {
        const match = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
        if (match === null) throw new Error(`unexpected pdffonts line: ${line}`);
        return { name: match[1] ?? '', embedded: match[2] === 'yes', subset: match[3] === 'yes' };
      });
    },
    infoOf: (pdf: Uint8Array): string => execFileSync('pdfinfo', ['-isodates', saved(pdf)], { encoding: 'utf8' }),
  };
}
