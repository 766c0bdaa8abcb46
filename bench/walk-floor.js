'use strict';
// The floor of a files-in-place run: a node process that walks a tree and reads every file, and
// does nothing else. `node bench/walk-floor.js DIR` prints how many files and bytes it read.
const { readdirSync, readFileSync } = require('fs');
const { join } = require('path');

let files = 0;
let bytes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      bytes += readFileSync(path).length;
      files++;
    }
  }
}
walk(process.argv[2]);
process.stdout.write(`${files} files, ${bytes} bytes\n`);
