import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Generic code knows no procedure: only a procedure's own folder reads its fields (`child`,
 * `informant`, `deceased`…) or names its code. Everything else asks the registries
 * (`subjectOf`, `contactOf`, `feeCaseOf`, `requiredPapersOf`, `workflowOf`…). This scans the
 * production sources and fails on a file outside the procedure folders that does either.
 */
const root = join(__dirname, '..', '..');
const scanned = ['apps/api/src', 'apps/worker/src', 'apps/web/src', 'libs'];

/** Where knowing a procedure is the point. */
const allowed = [
  'libs/contracts/src/procedures/', // each procedure's form, rules and plug-in; the registry
  'libs/contracts/src/procedure-codes.ts', // the codes with an online form, kept out of the zod modules
  'libs/web/forms/src/lib/procedures/', // each procedure's page definitions; the registry
  'libs/server/workflow/src/definitions/', // each procedure's state table
  'libs/server/catalogue/src/seed/', // the procedures' data (fees, papers, time limits)
  'libs/testing/', // test helpers build applications of each procedure
  'apps/api/src/testing/', // the authorisation matrix's and the fuzzer's requests
];

const forbidden: Array<[RegExp, string]> = [
  [/\b(data|application|value|values)\??\.(child|informant|deceased|declarant|mother|father)\b/, 'reads a form field'],
  [/\[['"](child|informant|deceased|declarant)['"]\]/, 'reads a form field'],
  [/->>?'(child|informant|deceased|declarant|mother|father)'/, 'reads a form field in SQL'],
  [/'(1\.001193|1\.000656|LT\.KS-TT-BHYT)'/, 'names a procedure code'],
  [/[!=]==?\s*(BIRTH_REGISTRATION|LINKED_BIRTH_REGISTRATION|DEATH_REGISTRATION)\b/, 'compares a procedure code'],
  [/\b(BIRTH_REGISTRATION|LINKED_BIRTH_REGISTRATION|DEATH_REGISTRATION)\s*[!=]==?/, 'compares a procedure code'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name) ? [path] : [];
  });
}

describe('generic code knows no procedure', () => {
  it('reads no form field and compares no procedure code outside the procedure folders', () => {
    const offences: string[] = [];
    for (const file of scanned.flatMap((dir) => sources(join(root, dir)))) {
      const path = relative(root, file).split(sep).join('/');
      if (allowed.some((prefix) => path.startsWith(prefix))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // Comments may speak of a procedure, and the API document's examples show a code.
          if (/^\s*(\/\/|\*|\/\*)/.test(line) || /^\s*example:/.test(line)) return;
          for (const [pattern, what] of forbidden)
            if (pattern.test(line)) offences.push(`${path}:${index + 1} ${what}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const hits = (line: string) => forbidden.some(([pattern]) => pattern.test(line));
    expect(hits(`const name = data.child?.fullName;`)).toBe(true);
    expect(hits(`SELECT d.data->'informant'->>'email'`)).toBe(true);
    expect(hits(`if (code === BIRTH_REGISTRATION) {`)).toBe(true);
    expect(hits(`procedure.code === '1.001193'`)).toBe(true);
    expect(hits(`const subject = subjectOf(code, application);`)).toBe(false);
  });
});
