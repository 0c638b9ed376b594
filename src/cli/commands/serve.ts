import type { Command } from 'commander'

/** `revsync serve`: the API, the schedules and a worker in one process, until SIGTERM or SIGINT. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API, the schedules in revsync.yaml and a worker in one process; SIGTERM/SIGINT stop it after the batch in hand is recorded')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8787')
    .action(async (options: { host: string; port: string }) => {
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${options.port} is not a port; give a whole number 0-65535`)
      // Loaded on demand, so other commands do not pay for the server's code.
      const [{ startService }, { loadConfig }, { createJsonLogger }] = await Promise.all([import('../../server/start-service.js'), import('../../app/config/load-config.js'), import('../../app/logger.js')])
      const logger = createJsonLogger()
      const service = await startService({ loaded: await loadConfig(program.opts<{ config: string }>().config), logger, host: options.host, port })
      console.log(`revsync serve listening on ${service.url}`)
      await new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          logger.info('stopping: the batch in hand is recorded first', { signal })
          void service.stop().then(resolve, (error: unknown) => {
            logger.error('stop failed', { error: String(error) })
            process.exitCode = 1
            resolve()
          })
        }
        process.once('SIGTERM', () => stop('SIGTERM'))
        process.once('SIGINT', () => stop('SIGINT'))
      })
      console.log('revsync serve stopped')
    })
}
