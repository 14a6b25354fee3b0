import { openDatabase } from '@povgraph/db';
import { createLogger, runMain, runSubgraph } from '@povgraph/subgraph-kit';
import { loadConfig } from './config';
import { infrastructureDataSource, infrastructureSubgraph, SERVICE_NAME } from './subgraph';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(SERVICE_NAME, config.logLevel);
  const dataSource = await openDatabase(infrastructureDataSource(config.databaseUrl), config.databaseUrl);
  await runSubgraph(
    infrastructureSubgraph(dataSource, { port: config.port, host: config.host, internalSecret: config.internalSecret, gatewayUrl: config.gatewayUrl, logger }),
  );
});
