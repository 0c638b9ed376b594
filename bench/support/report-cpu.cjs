/* global require, process */
// Preloaded (`node --require`) into a benchmarked process: at exit it writes the CPU time the
// process used, user plus system, in microseconds, as one marked line on stderr. A CommonJS
// preload, so it adds no ES module loader to a process that would not start one.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload has only require
const { writeSync } = require('node:fs')

process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage()
  writeSync(2, `\nrevsync-bench-cpu ${userCPUTime + systemCPUTime}\n`)
})
