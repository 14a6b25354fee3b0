export { createLogger, type Logger } from './logger';
export { loadTypeDefs } from './loadTypeDefs';
export { readBaseContext, REQUEST_ID_HEADER, type BaseContext } from './context';
export { startSubgraph, runSubgraph, type SubgraphOptions, type RunningSubgraph } from './startSubgraph';
export { errorPlugin, requireCallerPlugin } from './plugins';
export { runMain } from './runMain';
export { progressBar } from './progress';
export { loadSubgraphConfig, parseEnvironment, logLevel, type SubgraphConfig } from './config';
export { areaReference, areaYearKey, areaYearRequest, type AreaReference, type AreaYearReference, type AreaYearRequest } from './areas';
