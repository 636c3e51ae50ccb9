import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The parser is pure (DESIGN.md, Layout): its code may import only @chidao/domain, zod, fp-ts and its
 * own files. ESLint's Nx rule checks the project graph but not Node built-ins, so this spec checks the
 * imports themselves, and the calls that would read a clock or a random source.
 */
const SRC = join(__dirname, '..', 'src');
const sources = readdirSync(SRC)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .map((file) => ({ file, text: readFileSync(join(SRC, file), 'utf8') }));

describe('purity of @chidao/notice-parser', () => {
  it.each(sources.map((source) => [source.file, source.text] as const))('%s imports only @chidao/domain, zod, fp-ts and its own files', (_file, text) => {
    const imported = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'|\brequire\(\s*'([^']+)'/g)].map((match) => match[1] ?? match[2] ?? match[3]);
    expect(imported.filter((name) => !/^(?:@chidao\/domain|zod|fp-ts(?:\/.*)?|\.\/.+)$/.test(name ?? ''))).toEqual([]);
  });

  it.each(sources.map((source) => [source.file, source.text] as const))('%s reads no clock and no random source', (_file, text) => {
    expect(text).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random\(|performance\.now\(|process\./);
  });
});
