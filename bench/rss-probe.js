'use strict';
// Preloaded into a measured node process (NODE_OPTIONS=--require bench/rss-probe.js) when
// /usr/bin/time (GNU) is not there. On exit it appends the process's own peak RSS in KiB and its
// user and system CPU seconds ("RSS USER SYS") to the file named by BENCH_RSS_FILE. ru_maxrss is
// a high-water mark kept by the kernel, so reading it in the 'exit' handler gives the peak of the
// whole run (libuv reports KiB on Linux and macOS alike).
// 'exit' also fires after process.exit() and on an uncaught exception, not on a kill by signal.
const { appendFileSync } = require('fs');

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
    } catch {
      // the measurement is lost, the measured process must not fail because of it
    }
  });
}
