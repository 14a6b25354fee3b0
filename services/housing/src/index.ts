import { openDatabase } from '@povgraph/db';
import { createLogger, runMain, runSubgraph } from '@povgraph/subgraph-kit';
import { loadConfig } from './config';
import { housingDataSource, housingSubgraph, SERVICE_NAME } from './subgraph';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const dataSource = await openDatabase(housingDataSource(config.databaseUrl), config.databaseUrl);
  await runSubgraph(housingSubgraph(dataSource, { port: config.port, host: config.host, internalSecret: config.internalSecret, gatewayUrl: config.gatewayUrl, logger }));
});
