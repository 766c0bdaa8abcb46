/** A hunk's range in the unified format: `start,count`, or `start` alone for one line. */
function hunkRange(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The unified diff of one file (`--- a/PATH`, `+++ b/PATH`, 3 lines of context) that `git apply`
 * and `patch -p1` accept: lines keep their CR, and a last line without a line break is marked so.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  const { structuredPatch } = require('diff') as typeof import('diff');
  const { hunks } = structuredPatch(path, path, before, after, undefined, undefined, { context: 3 });
  const lines = [`--- a/${path}`, `+++ b/${path}`];
  for (const hunk of hunks) {
    lines.push(`@@ -${hunkRange(hunk.oldStart, hunk.oldLines)} +${hunkRange(hunk.newStart, hunk.newLines)} @@`);
    for (const line of hunk.lines) lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
