/** Renders .pptx/.docx files (default: the fixture deck) to PNGs via LibreOffice and pdftoppm, to eyeball layouts: `tsx scripts/preview.ts [file …] [--out dir]`. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { renderDeck } from '../src/render/pptx';
import { sampleDeckPlan } from '../test/fixtures/deck-plan';

interface Args { files: string[]; out: string }

function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let out = 'docs/preview';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const next = argv[++i];
      if (!next) throw new Error('--out needs a directory');
      out = next;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
    } else if (/\.(pptx|docx)$/i.test(arg)) {
      files.push(resolve(arg));
    } else {
      throw new Error(`not a .pptx or .docx file: ${arg}`);
    }
  }
  return { files, out: resolve(out) };
}

/** soffice refuses to run twice on one profile and dislikes root's home; a throwaway profile avoids both. */
function toPdf(file: string, workDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', workDir, file,
    ], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(workDir, `${basename(file, extname(file))}.pdf`);
}

/** One PNG per page at 60 dpi: enough to judge layout, small enough to flip through. */
function toPngs(pdf: string, outDir: string): string[] {
  const prefix = basename(pdf, '.pdf');
  for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))) rmSync(join(outDir, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, prefix)], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(outDir, f));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'qbr-preview-'));
  try {
    const files = [...args.files];
    if (files.length === 0) {
      const deck = join(work, 'sample-deck.pptx');
      writeFileSync(deck, await renderDeck(sampleDeckPlan()));
      files.push(deck);
    }
    mkdirSync(args.out, { recursive: true });
    for (const file of files) {
      for (const png of toPngs(toPdf(file, work), args.out)) process.stdout.write(`${png}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
