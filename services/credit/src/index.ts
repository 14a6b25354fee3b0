import { openDatabase } from '@povgraph/db';
import { createLogger, runMain, runSubgraph } from '@povgraph/subgraph-kit';
import { loadConfig } from './config';
import { creditDataSource, creditSubgraph, SERVICE_NAME } from './subgraph';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const dataSource = await openDatabase(creditDataSource(config.databaseUrl), config.databaseUrl);
  await runSubgraph(
    creditSubgraph(dataSource, { port: config.port, host: config.host, internalSecret: config.internalSecret, gatewayUrl: config.gatewayUrl, logger }),
  );
});
