import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

/**
 * Transpiles `entries` and every file they import relatively (no type check) into `outDir`, keeping
 * the project layout, so a child process runs the real store with plain `node` and no build step.
 * Returns the compiled path of each entry.
 */
export function buildChild(outDir: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(ROOT, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const target = join(outDir, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      copyFileSync(file, target);
      continue;
    }
    const source = readFileSync(file, 'utf-8');
    const output = file.endsWith('.js')
      ? source
      : ts.transpileModule(source, {
          fileName: file,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
        }).outputText;
    writeFileSync(target.replace(/\.ts$/, '.js'), output);
    for (const [, spec] of output.matchAll(/require\(["'](\.{1,2}\/[^"']+)["']\)/g)) queue.push(resolveSource(dirname(file), spec!));
  }
  return entries.map((e) => join(outDir, e.replace(/\.ts$/, '.js')));
}

function resolveSource(from: string, spec: string): string {
  const base = resolve(from, spec);
  const found = [`${base}.ts`, join(base, 'index.ts'), base].find((c) => /\.(ts|json|js)$/.test(c) && existsSync(c) && statSync(c).isFile());
  if (found === undefined) throw new Error(`buildChild: cannot resolve ${spec} from ${from}`);
  return found;
}

export const NODE_MODULES = join(ROOT, 'node_modules');
