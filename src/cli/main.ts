/** The `qbr` command line: dispatches to one file per command and maps failures to the exit codes of SPEC §6. */
// The error class only: '../workbook/open' would load exceljs before --help or a bad flag is answered.
import { TrackerOpenError } from '../workbook/errors';
import { analyzeCommand } from './analyze';
import { authCommand } from './auth';
import { generateCommand } from './generate';
import { programCommand } from './program';
import { recordCommand } from './record';
import { UsageError } from './args';
import { processIo, type CommandIo } from './io';
import { terminalIo } from './terminal';
import { OutputError } from './paths';

const USAGE = `Usage:
  qbr analyze --tracker <file.xlsx | folder of .csv> [--account ID]… [--today YYYY-MM-DD] [--json]
  qbr generate --tracker <file.xlsx | folder of .csv> (--account ID… | --all) [--qbr-date YYYY-MM-DD] [--today YYYY-MM-DD] --out <dir>
  qbr generate --google [--dry-run] --tracker <spreadsheet id or URL | local file> (--account ID… | --all)
               [--template <presentation id>] [--folder <drive folder id>] [--share-with-champion] [--regenerate] --out <dir>
  qbr record --tracker <file.xlsx | folder of .csv> --account ID --qbr-date YYYY-MM-DD [--from record.json|record.csv]
             [--today YYYY-MM-DD] --out <dir>                        (see docs/AFTER-THE-QBR.md)
  qbr record --google --tracker <Google Sheet URL or id> --account ID --qbr-date YYYY-MM-DD [--from …] [--today …]
  qbr program --tracker <file.xlsx | folder of .csv> [--today YYYY-MM-DD] [--json] [--write-tab]
  qbr auth --client-secret client_secret.json [--template-scope]      (see docs/GOOGLE-SETUP.md)

Exit status: 0 every requested account done · 1 some accounts skipped (reasons printed) · 2 the command is wrong.
`;

const COMMANDS: Record<string, (argv: string[], io: CommandIo) => Promise<number>> = {
  analyze: analyzeCommand,
  generate: generateCommand,
  auth: authCommand,
  program: programCommand,
  record: recordCommand,
};

export async function run(argv: string[], raw: CommandIo = processIo): Promise<number> {
  const io = terminalIo(raw);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`qbr: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`qbr ${name}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof TrackerOpenError || e instanceof OutputError) {
      io.stderr(`qbr ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Runs the process's own command line and sets its exit status. */
export function main(): void {
  run(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`qbr: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
