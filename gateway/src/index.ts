import { createLogger, runMain } from '@povgraph/subgraph-kit';
import { loadConfig } from './config';
import { startGateway } from './server';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await startGateway(config, logger);
  const shutdown = async () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    await gateway.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
});
