// `npm run bench:fuzz-http`: the long schemathesis run against every HTTP route of a real Hearth process
// ([FZ2]; the short one is in `npm test`). Prints a readable table, then one JSON object of the figures as
// its last line. Flags: --examples (per operation and phase), --seed, --workers, --max-time (seconds).
import { flags, printTable } from './bench-support.js';
import { runHttpFuzz } from '../fuzz/http-fuzz.js';

const options = flags({
  examples: { type: 'string', default: '100' },
  seed: { type: 'string', default: '14' },
  workers: { type: 'string', default: '2' },
  'max-time': { type: 'string', default: '0' },
});

const maxTime = Number(options['max-time']);
const figures = await runHttpFuzz(
  { maxExamples: Number(options.examples), seed: Number(options.seed), workers: Number(options.workers), ...(maxTime > 0 ? { maxTime } : {}) },
  (line) => console.log(line),
);

printTable('HTTP fuzz run (schemathesis against /api/docs)', [
  { figure: 'operations tested', value: figures.operations },
  { figure: 'test cases', value: figures.testCases },
  { figure: 'requests', value: figures.requests },
  { figure: '5xx answers', value: figures.serverErrors },
  { figure: 'server crashed', value: figures.crashed ? 'yes' : 'no' },
  { figure: 'answers after the run', value: figures.answersAfter ? 'yes' : 'no' },
  { figure: 'seconds', value: figures.seconds },
]);
printTable('Answers by status', Object.entries(figures.byStatus).map(([status, count]) => ({ status, count })));
printTable(
  'Failed checks',
  Object.keys(figures.failuresByCheck).length === 0 ? [{ check: '(none)', failures: 0 }] : Object.entries(figures.failuresByCheck).map(([check, failures]) => ({ check, failures })),
);
for (const failure of figures.failures) console.log(`\n${failure}`);
for (const line of figures.loggedErrors) console.log(`server: ${line}`);

const clean = figures.serverErrors === 0 && !figures.crashed && figures.answersAfter && figures.failures.length === 0;
console.log(
  JSON.stringify({
    bench: 'fuzz-http',
    seed: Number(options.seed),
    examplesPerOperation: Number(options.examples),
    operations: figures.operations,
    testCases: figures.testCases,
    requests: figures.requests,
    serverErrors: figures.serverErrors,
    crashed: figures.crashed,
    failuresByCheck: figures.failuresByCheck,
    byStatus: figures.byStatus,
    seconds: figures.seconds,
  }),
);
process.exitCode = clean ? 0 : 1;
