export { GraphClient, type GraphClientOptions } from './GraphClient';
export { AreaGuard } from './AreaGuard';
