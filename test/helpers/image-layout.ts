// The folder the Dockerfile's final stage makes, laid out from its COPY lines: `--from=build` sources come
// from a built and pruned checkout (what the build stage holds at /app), the others from the checkout's
// own files. A file the code reads at run time and the image lacks is then missing here too.
import { cpSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';

interface CopyLine {
  fromBuild: boolean;
  sources: string[];
  destination: string;
}

/** The COPY lines after the last FROM (the final stage), in order. */
function finalStageCopies(dockerfile: string): CopyLine[] {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n');
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  return lines.slice(lastFrom + 1).flatMap((line) => {
    const words = line.trim().split(/\s+/);
    if (words[0]?.toUpperCase() !== 'COPY') return [];
    const flags = words.slice(1).filter((word) => word.startsWith('--'));
    const paths = words.slice(1).filter((word) => !word.startsWith('--'));
    const destination = paths.pop() ?? '';
    return [{ fromBuild: flags.some((flag) => flag.startsWith('--from=')), sources: paths, destination }];
  });
}

/**
 * Lays out `image` (the WORKDIR, /app) from `checkout`. node_modules is linked, not copied: the checkout's
 * is pruned to production dependencies already, as the build stage's is.
 */
export function layOutImage(dockerfile: string, checkout: string, image: string): void {
  for (const copy of finalStageCopies(readFileSync(dockerfile, 'utf8'))) {
    const intoFolder = copy.destination.endsWith('/') || copy.sources.length > 1;
    for (const source of copy.sources) {
      const from = join(checkout, copy.fromBuild ? source.replace(/^\/app\/?/, '') : source);
      const to = intoFolder ? join(image, copy.destination, basename(source)) : join(image, copy.destination);
      mkdirSync(join(to, '..'), { recursive: true });
      if (basename(from) === 'node_modules') symlinkSync(from, to, 'dir');
      else cpSync(from, to, { recursive: statSync(from).isDirectory() });
    }
  }
}
