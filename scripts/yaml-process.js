// What the yaml library's bundle (dist/yaml-bundle.js, scripts/build.js) gets for require('process'):
// node's process, except an empty environment. The library reads its debugging switches
// (LOG_TOKENS, LOG_STREAM) from process.env for every token and document, each read a call into
// the C++ side; nothing else of it reads the environment.
'use strict';
module.exports = { env: {}, emitWarning: (...args) => process.emitWarning(...args) };
