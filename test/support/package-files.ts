/** package.json and kpt-fn.yaml of the repository, as the packaging tests read them. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { REPO } from './process';

export interface PackageJson {
  name: string;
  version: string;
  description: string;
  license: string;
  bin: Record<string, string>;
  devDependencies: Record<string, string>;
}

export const PACKAGE_JSON = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as PackageJson;

/** The text of kpt-fn.yaml, the function's catalog entry. */
export const KPT_FN_TEXT = readFileSync(join(REPO, 'kpt-fn.yaml'), 'utf8');

/** The fields of kpt-fn.yaml the tests read. */
export const KPT_FN = parse(KPT_FN_TEXT) as { image: string; sourceURL: string };
