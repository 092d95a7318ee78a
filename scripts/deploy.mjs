// Deploy gate (google/aside style): typecheck, lint, test and build must pass before `clasp push` uploads build/ to the
// dev project (.clasp.json) or, with `prod`, the production one (.clasp.prod.json). See docs/DEPLOY.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const env = process.argv[2] ?? 'dev';
const project = env === 'prod' ? '.clasp.prod.json' : '.clasp.json';
const { scriptId } = JSON.parse(readFileSync(project, 'utf8'));
if (!scriptId) {
  console.error(`${project} has no scriptId yet: create the Apps Script project first (docs/DEPLOY.md, step 3).`);
  process.exit(2);
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npm', ['run', 'typecheck']);
run('npm', ['run', 'lint']);
run('npm', ['test']);
run('npm', ['run', 'build']);
run('npx', ['clasp', '--project', project, '--ignore', '.claspignore', 'push', '--force']);
console.log(`pushed build/ to the ${env} Apps Script project ${scriptId}`);
