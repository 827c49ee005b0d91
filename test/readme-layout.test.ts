// @vitest-environment node
/**
 * The README is the front door: its Layout must match the folders under src/, its configuration
 * table the server's environment, and its links the pages under docs/. A folder added without its
 * line in the Layout, or a Layout line left behind after a folder moved, fails here by name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/server/env.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** What the Layout block names: folders under src/ (any depth) and the other top-level folders. */
interface Layout {
  src: Set<string>;
  topLevel: Set<string>;
}

/** The text of the `## <title>` section, up to the next heading of level 1 or 2. */
function section(markdown: string, title: string): string {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The first fenced block of the `## Layout` section. */
function layoutBlock(markdown: string): string {
  const fenced = /^```[^\n]*\n([\s\S]*?)^```/m.exec(section(markdown, 'Layout'));
  if (!fenced) throw new Error('the "## Layout" section has no fenced block');
  return fenced[1];
}

/**
 * Folder names a line's description names directly: `word/` tokens outside parentheses (so
 * "sync/ (push, commands/)" names sync/ but not commands/, a folder one level further down) and
 * not part of a longer path ("shares src/shared only" names nothing).
 */
function namedFolders(description: string): string[] {
  let depth = 0;
  let outside = '';
  for (const ch of description) {
    if (ch === '(') depth += 1;
    outside += depth === 0 ? ch : ' ';
    if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return [...outside.matchAll(/(?<=^|[\s,;:])([a-z0-9][\w.-]*)\/(?=[\s,;:.]|$)/g)].map((m) => m[1]);
}

/**
 * Reads a Layout block. A line starting at column 0 with `path/` is a top-level entry, and its
 * description may name the entry's child folders (`src/app/  …: store/, sync/`); an indented line
 * starting with `name/` is a folder inside the nearest less-indented entry above it, and its
 * description is prose (it may mention any folder); a line starting with a file name
 * (`app-model.ts`) names no folder. Only entries under src/ get children.
 */
function parseLayout(block: string): Layout {
  const layout: Layout = { src: new Set(), topLevel: new Set() };
  const stack: { indent: number; path: string }[] = [];
  for (const line of block.split('\n')) {
    const m = /^(\s*)(\S+)(.*)$/.exec(line);
    if (!m) continue;
    const [, lead, first, rest] = m;
    const indent = lead.length;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    if (!first.endsWith('/')) continue; // a file, or prose
    const name = first.replace(/\/+$/, '');
    let entry: string;
    if (indent === 0) {
      entry = name;
      if (!entry.startsWith('src/')) {
        layout.topLevel.add(entry);
        continue;
      }
    } else {
      const parent = stack[stack.length - 1];
      if (!parent) continue;
      entry = `${parent.path}/${name}`;
    }
    layout.src.add(entry);
    if (indent === 0) for (const child of namedFolders(rest)) layout.src.add(`${entry}/${child}`);
    stack.push({ indent, path: entry });
  }
  return layout;
}

/**
 * Every folder under `src/` (all depths, as `src/a/b`), skipping folders that hold no file at any
 * depth: git does not keep them, so a fresh clone has none, and a folder emptied by a move in a
 * working copy is not part of the tree.
 */
function foldersOnDisk(root: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): boolean => {
    let hasFile = false;
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile()) hasFile = true;
      else if (entry.isDirectory()) {
        const child = `${relative}/${entry.name}`;
        if (walk(child)) {
          found.push(child);
          hasFile = true;
        }
      }
    }
    return hasFile;
  };
  walk('src');
  return found.sort();
}

/** A folder the Layout must name: `src/x` or `src/x/y` (deeper ones are described by their parent's line). */
function isCheckedDepth(folder: string): boolean {
  return folder.split('/').length <= 3;
}

/** The two ways the Layout can disagree with the tree, each a sorted list of `src/…` paths. */
function compareLayout(layout: Layout, onDisk: string[]): { unnamed: string[]; absent: string[] } {
  const disk = new Set(onDisk);
  return {
    unnamed: onDisk.filter((folder) => isCheckedDepth(folder) && !layout.src.has(folder)).sort(),
    absent: [...layout.src].filter((folder) => !disk.has(folder)).sort(),
  };
}

describe('README Layout against the tree', () => {
  const layout = parseLayout(layoutBlock(README));
  const { unnamed, absent } = compareLayout(layout, foldersOnDisk(ROOT));

  it('names every folder under src/, two levels deep', () => {
    expect(unnamed, `folders missing from the README's Layout: ${unnamed.join(', ')}`).toEqual([]);
  });

  it('names no folder under src/ that does not exist', () => {
    expect(absent, `Layout entries with no folder under src/: ${absent.join(', ')}`).toEqual([]);
  });

  it('names only top-level folders that exist', () => {
    const missing = [...layout.topLevel].filter((folder) => !existsSync(path.join(ROOT, folder))).sort();
    expect(missing, `top-level Layout entries with no folder: ${missing.join(', ')}`).toEqual([]);
  });
});

describe('the Layout parser (on a sample, independent of the tree)', () => {
  const sample = [
    '# demo',
    '## Layout',
    'Some prose before the block.',
    '```',
    'src/shared/    pure code: domain/, scan/',
    'src/app/       the PWA: app-model.ts (composition root), store/ (IndexedDB), sync/',
    '  screens/     one per task',
    '  app-state.ts what the screens render',
    'src/server/    app.ts, main.ts, db/ (schema, migrations/), sync/ (push, commands/)',
    '  routes/      HTTP routes',
    '    admin/     a deeper folder, named under routes/',
    'src/console/   the console; shares src/shared only',
    'test/          mirrors src/, plus helpers/',
    'bench/         benchmarks',
    '```',
    '## Next section',
    '```',
    'src/elsewhere/  not part of the Layout',
    '```',
  ].join('\n');
  const layout = parseLayout(layoutBlock(sample));

  it('reads entries, nested lines and the folders a top-level entry names, and nothing from other sections', () => {
    expect([...layout.src].sort()).toEqual([
      'src/app',
      'src/app/screens',
      'src/app/store',
      'src/app/sync',
      'src/console',
      'src/server',
      'src/server/db',
      'src/server/routes',
      'src/server/routes/admin',
      'src/server/sync',
      'src/shared',
      'src/shared/domain',
      'src/shared/scan',
    ]);
    expect([...layout.topLevel].sort()).toEqual(['bench', 'test']);
  });

  it('reports a folder the Layout misses and an entry with no folder, by name', () => {
    const onDisk = [
      'src/app',
      'src/app/screens',
      'src/app/store',
      'src/app/sync',
      'src/app/pack', // not in the sample Layout
      'src/server',
      'src/server/db',
      'src/server/db/migrations', // deeper than two levels: its parent's line covers it
      'src/server/routes',
      'src/server/routes/admin',
      'src/server/sync',
      'src/server/sync/commands',
      'src/shared',
      'src/shared/domain',
      'src/shared/scan',
      // src/console is named but absent
    ];
    expect(compareLayout(layout, onDisk)).toEqual({ unnamed: ['src/app/pack'], absent: ['src/console'] });
  });

  it('ignores names inside parentheses and inside longer paths', () => {
    expect(namedFolders('app.ts, db/ (schema, migrations/), sync/ (push, commands/); shares src/shared/ only')).toEqual(['db', 'sync']);
  });

  it('refuses a README without a Layout block', () => {
    expect(() => layoutBlock('# x\n## Layout\nno block here\n## Other\n')).toThrow(/no fenced block/);
    expect(() => layoutBlock('# x\n')).toThrow(/no "## Layout" section/);
  });
});

describe('README configuration table against src/server/env.ts', () => {
  const rows = section(README, 'Configuration')
    .split('\n')
    .map((line) => /^\| `([A-Z0-9_]+)` \| (.*?) \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], shownDefault: m[2] }));
  const defaults: Record<string, unknown> = parseEnv({});

  it('lists every variable the server reads, and no other', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(defaults).sort());
  });

  it.each(rows.map((r) => [r.name, r.shownDefault] as const))('%s shows its real default', (name, shownDefault) => {
    const actual = defaults[name];
    if (actual === undefined) expect(shownDefault).toMatch(/^(—|generated)$/);
    else expect(shownDefault).toBe(`\`${String(actual)}\``);
  });
});

describe('README links to docs/', () => {
  const linked = new Set([...README.matchAll(/\]\((docs\/[^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]));
  const pages: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md')) pages.push(child);
    }
  };
  walk('docs');

  it('links every page under docs/', () => {
    const unlinked = pages.filter((page) => !linked.has(page)).sort();
    expect(unlinked, `docs pages the README does not link: ${unlinked.join(', ')}`).toEqual([]);
  });

  it('links nothing under docs/ that does not exist', () => {
    const broken = [...linked].filter((target) => !existsSync(path.join(ROOT, target))).sort();
    expect(broken, `README links to missing files: ${broken.join(', ')}`).toEqual([]);
  });
});
