import { openDatabase } from '@povgraph/db';
import { createLogger, runMain, runSubgraph } from '@povgraph/subgraph-kit';
import { loadConfig } from './config';
import { SERVICE_NAME, trainingDataSource, trainingSubgraph } from './subgraph';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const dataSource = await openDatabase(trainingDataSource(config.databaseUrl), config.databaseUrl);
  await runSubgraph(
    trainingSubgraph(dataSource, { port: config.port, host: config.host, internalSecret: config.internalSecret, logger, gatewayUrl: config.gatewayUrl }),
  );
});
