import { openDatabase } from '@povgraph/db';
import { createLogger, runMain, runSubgraph } from '@povgraph/subgraph-kit';
import { loadConfig } from './config';
import { householdsDataSource, householdsSubgraph, SERVICE_NAME } from './subgraph';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const dataSource = await openDatabase(householdsDataSource(config.databaseUrl), config.databaseUrl);
  await runSubgraph(householdsSubgraph(dataSource, { port: config.port, host: config.host, internalSecret: config.internalSecret, gatewayUrl: config.gatewayUrl, logger }));
});
