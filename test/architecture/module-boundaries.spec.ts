import { spawnSync } from 'node:child_process';
import path from 'node:path';

/*
 * The layering of DESIGN.md is enforced by lint, not promised: this runs the project's real ESLint
 * configuration on probe files placed (virtually, through --stdin-filename) inside each package and
 * checks that forbidden imports fail and allowed ones pass.
 */

const root = path.resolve(__dirname, '../..');

type Message = { readonly ruleId: string | null; readonly message: string; readonly severity: number };

const lint = (filePath: string, code: string): readonly Message[] => {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  if (result.stdout.trim() === '') throw new Error(`eslint printed nothing: ${result.stderr}`);
  const [report] = JSON.parse(result.stdout) as { messages: Message[] }[];
  return report!.messages.filter((message) => message.severity === 2);
};

const DOMAIN_FILE = 'packages/domain/src/boundary-probe.ts';

describe('module boundaries (eslint)', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import { readFileSync } from 'fs';", 'fs'],
    ["import { Injectable } from '@nestjs/common';", '@nestjs/common'],
    ["import { Pool } from 'pg';", 'pg'],
    ["import { PGlite } from '@electric-sql/pglite';", '@electric-sql/pglite'],
    ["import ts from 'typescript';", 'typescript'],
    ["import { main } from '../../../apps/api/src/main';", 'apps/'],
  ])('fails when packages/domain imports %s', (statement, name) => {
    const errors = lint(DOMAIN_FILE, `${statement}\nexport const probe = 1;\n`);
    expect(errors.map((error) => error.ruleId)).toContain('no-restricted-imports');
    expect(errors.map((error) => error.message).join('\n')).toMatch(name === 'apps/' ? /must not import from apps/ : /packages\/domain is pure/);
  });

  it('passes when packages/domain imports only zod, fp-ts and its own files', () => {
    const code = "import { z } from 'zod';\nimport * as E from 'fp-ts/Either';\nimport { pipe } from 'fp-ts/function';\nimport { fold } from './shared/decider';\nexport const probe = [z, E, pipe, fold];\n";
    expect(lint(DOMAIN_FILE, code)).toEqual([]);
  });

  it('fails when any other package imports from apps/', () => {
    const errors = lint('packages/event-store/src/boundary-probe.ts', "import { AppModule } from '@chidao/api';\nexport const probe = AppModule;\n");
    expect(errors.map((error) => error.message).join('\n')).toMatch(/must not import from apps/);
  });
});
