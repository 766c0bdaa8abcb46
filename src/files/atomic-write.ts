import { closeSync, fsyncSync, openSync, Stats, statSync, unlinkSync } from 'fs';
import type { FileHandle } from 'fs/promises';
import { basename, dirname, join } from 'path';
import { tempFileName } from './temp-name';

/** The temporary files being written, removed by `removeTempFiles` when a signal ends the run. */
const pendingTemps = new Set<string>();

/** Removes every temporary file still being written; for a signal handler, so synchronous. */
export function removeTempFiles(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Gone already: nothing is left behind either way.
    }
  }
  pendingTemps.clear();
}

/** Large outputs are written in pieces, so that a signal is handled between them. */
const CHUNK = 1 << 20;

function randomSuffix(): string {
  return `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Flushes a directory's entries (the rename) to disk, where the file system allows it. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot open or sync a directory; the rename itself is atomic regardless.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Gives the temporary file the original's permission bits and, as root, its owner and group. */
async function copyAttributes(file: FileHandle, original: Stats): Promise<void> {
  if (process.getuid?.() === 0) await file.chown(original.uid, original.gid);
  // After chown, which clears the set-user-ID and set-group-ID bits.
  await file.chmod(original.mode & 0o7777);
}

/**
 * Replaces the file at `target` with `data` so that it is always either the old file or the new
 * one, whole: the data goes to a temporary file in the same directory (`.NAME.image-ref-updater-*`)
 * with the original's permission bits (and owner and group, as root), is flushed to disk, and is
 * renamed over the original. The temporary file is removed on any error, and by
 * `removeTempFiles` on a signal.
 */
export async function replaceFile(target: string, data: Uint8Array): Promise<void> {
  // Loaded here: only --write needs it, and every run would pay for loading it at start-up.
  const { open, rename } = require('fs/promises') as typeof import('fs/promises');
  const original = statSync(target);
  const temp = join(dirname(target), tempFileName(basename(target), randomSuffix()));
  pendingTemps.add(temp);
  let file: FileHandle | undefined;
  try {
    file = await open(temp, 'wx', 0o600);
    await copyAttributes(file, original);
    for (let at = 0; at < data.length; ) {
      const { bytesWritten } = await file.write(data, at, Math.min(CHUNK, data.length - at));
      at += bytesWritten;
    }
    await file.sync();
    await file.close();
    file = undefined;
    await rename(temp, target);
    pendingTemps.delete(temp);
  } catch (error) {
    await file?.close().catch(() => undefined);
    removeTempFiles();
    throw error;
  }
  syncDirectory(dirname(target));
}
