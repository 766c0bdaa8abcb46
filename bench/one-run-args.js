'use strict';
// The arguments of the one-run tools (profile.js, instructions.js): [dense|sparse] [COUNT], then
// `--cli PATH` and the tool's own numeric options as `--NAME N`.

const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** Options from `argv` over `defaults` (shape, count, cli and the tool's numeric options). */
function parseOneRunArgs(argv, defaults) {
  const options = { cli: path.join(ROOT, 'dist', 'cli.js'), ...defaults };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (name === null) positional.push(argv[i]);
    else if (name === 'cli') options.cli = path.resolve(ROOT, argv[++i]);
    else if (name in defaults && typeof defaults[name] === 'number') options[name] = Number(argv[++i]);
    else throw new Error(`unknown option --${name}`);
  }
  if (positional[0]) options.shape = positional[0];
  if (positional[1]) options.count = Number(positional[1]);
  return options;
}

module.exports = { parseOneRunArgs, ROOT };
