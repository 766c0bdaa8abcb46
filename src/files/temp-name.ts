/** What every temporary file of this function has after its target's name (SPEC §8). */
const TEMP_MARK = '.image-ref-updater-';

/** The name of a temporary file for `name`, in the same directory: `.NAME.image-ref-updater-SUFFIX`. */
export function tempFileName(name: string, suffix: string): string {
  return `.${name}${TEMP_MARK}${suffix}`;
}

/** Whether a name is one of this function's temporary files, which are never read. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARK, 1);
}
