// The Dutch interface texts, read from the sources, as fragments that must never show in the
// English interface: every string value of a Dutch catalogue in web/src (`nl: { … }` and
// `const nl = { … }`) and of the Dutch part of the server's event and notification messages,
// split at its placeholders, keeping the fragments long enough to mean something (three words or
// more) that no English catalogue string contains as well.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The object literal that starts at `open` (a '{'), with strings and template literals skipped over. */
function objectAt(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < src.length && src[i] !== ch; i++) if (src[i] === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return src.slice(open, i + 1);
  }
  return '';
}

/** The quoted string values of an object literal (keys are bare words here), single or double quotes. */
function stringValues(obj: string): string[] {
  return [...obj.matchAll(/:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\\(['"])/g, '$1'));
}

function catalogues(lang: 'nl' | 'en'): string[] {
  const out: string[] = [];
  const files = [...filesUnder(join(root, 'web/src')), join(root, 'src/shared/events/messages.ts')];
  const start = new RegExp(`(?:^|[\\s,{])${lang}\\s*[:=]\\s*\\{`, 'g');
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(start)) {
      const open = (m.index ?? 0) + m[0].lastIndexOf('{');
      out.push(...stringValues(objectAt(src, open)));
    }
  }
  return out;
}

/** Dutch fragments (3+ words, placeholders and their punctuation cut away) that no English text contains. */
export function dutchFragments(): string[] {
  const english = catalogues('en').join('\n');
  const fragments = new Set<string>();
  for (const text of catalogues('nl'))
    for (const part of text.split(/\{\{?[^}]*\}?\}|<[^>]*>|\n/)) {
      const f = part.replace(/^[\s,.:;()“”"'—–-]+|[\s,.:;()“”"'—–-]+$/g, '');
      if (f.split(/\s+/).length >= 3 && !english.includes(f)) fragments.add(f);
    }
  return [...fragments];
}
