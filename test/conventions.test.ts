/**
 * The architecture rules of DESIGN.md and the README, checked on the source
 * text so that a change cannot quietly break them: `src/` runs unchanged in a
 * browser worker, a Node worker and a test (no Node built-ins, no comlink, no
 * DOM globals, no imports from workers/, web/ or bin/), every random number
 * comes from a seeded stream (no `Math.random`), and every export has TSDoc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** TypeScript files below `folder` (relative to the repository), recursively. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(REPO, join(entry.parentPath, entry.name)))
    .sort();
}

/** The source without comments and string contents, so that prose mentioning `window.` does not count. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function importsOf(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"]+)\1/g;
  return [...text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(pattern)].map((m) => m[2]);
}

const SRC = sourceFiles('src');
const NODE_BUILTINS = new Set(builtinModules);

describe('src/ is portable', () => {
  it('finds the sources', () => {
    expect(SRC.length).toBeGreaterThan(100);
    expect(SRC).toContain('src/engine/run-point.ts');
  });

  it.each(SRC)('%s imports no Node built-in, no comlink, nothing outside src/', (file) => {
    for (const specifier of importsOf(readFileSync(join(REPO, file), 'utf8'))) {
      expect(specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]), `${file} imports ${specifier}`).toBe(false);
      expect(specifier === 'comlink' || specifier.startsWith('comlink/'), `${file} imports ${specifier}`).toBe(false);
      if (specifier.startsWith('.')) {
        const target = relative(REPO, resolve(REPO, file, '..', specifier));
        expect(target.startsWith('src/'), `${file} imports ${specifier} (${target})`).toBe(true);
      }
    }
  });

  it.each(SRC)('%s uses no Math.random and no browser or Node globals', (file) => {
    const code = codeOnly(readFileSync(join(REPO, file), 'utf8'));
    expect(code, file).not.toMatch(/\bMath\s*\.\s*random\b/);
    // A DOM `Document` may be passed in (the plot takes one), but never reached for.
    expect(code, file).not.toMatch(
      /(?<![\w$.])(window|document|navigator|localStorage|sessionStorage|location|process|Buffer|require|__dirname)\s*[.[(]/,
    );
  });
});

describe('TSDoc', () => {
  const files = [...SRC, ...sourceFiles('workers'), ...sourceFiles('bin')];

  it.each(files)('every export of %s has a doc comment', (file) => {
    const lines = readFileSync(join(REPO, file), 'utf8').split('\n');
    const undocumented = lines.flatMap((line, i) => {
      if (!/^export\s+(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function|const|let|class|interface|type|enum)\b/.test(line)) return [];
      if (/^export\s+type\s*(?:\{|\*)/.test(line)) return []; // a re-export is documented where it is defined
      return lines[i - 1]?.trim().endsWith('*/') ? [] : [`${file}:${i + 1}: ${line}`];
    });
    expect(undocumented).toEqual([]);
  });
});
