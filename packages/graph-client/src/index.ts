export { GraphClient, type GraphClientOptions } from './GraphClient';
export { AreaGuard } from './AreaGuard';
export { communeProblemOn, periodOf, UnitDirectory, type CommuneProblem, type RegistryUnit } from './UnitDirectory';
