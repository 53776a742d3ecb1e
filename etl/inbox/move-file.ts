/**
 * Moves a processed inbox file aside without ever overwriting another: a name
 * already taken gets `-2`, `-3` … before its extension. The link-then-unlink
 * step fails instead of replacing, so two movers cannot clobber each other.
 */
import fs from 'node:fs';
import path from 'node:path';

/** `calls-0301.csv.gz` -> ['calls-0301', '.csv.gz'] (a compression suffix stays with its format). */
export function splitExtension(name: string): [string, string] {
  const m = /(\.[A-Za-z0-9]{1,8})(\.(gz|gzip|zst|bz2))?$/i.exec(name);
  if (!m || m.index === 0) return [name, ''];
  return [name.slice(0, m.index), name.slice(m.index)];
}

export function candidateName(name: string, attempt: number): string {
  if (attempt === 1) return name;
  const [base, ext] = splitExtension(name);
  return `${base}-${attempt}${ext}`;
}

function placeOnce(src: string, dest: string): boolean {
  try {
    fs.linkSync(src, dest);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw err;
  }
  // No hard links here (another device, some network shares): copy, refusing to replace.
  try {
    fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * @example
 * moveWithoutOverwrite('inbox/calls.csv', 'inbox/loaded/2026-03-01') // 'inbox/loaded/2026-03-01/calls-2.csv' if calls.csv was taken
 */
export function moveWithoutOverwrite(src: string, destDir: string): string {
  fs.mkdirSync(destDir, { recursive: true });
  const name = path.basename(src);
  for (let attempt = 1; attempt < 10_000; attempt++) {
    const dest = path.join(destDir, candidateName(name, attempt));
    if (placeOnce(src, dest)) {
      fs.unlinkSync(src);
      return dest;
    }
  }
  throw new Error(`cannot find a free name for ${name} in ${destDir}`);
}
