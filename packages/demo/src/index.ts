export { apportion, randomParts, randomSource, type Random } from './random';
export { SEED_CALLER } from './seedCaller';
export { commandLineProgress, silentProgress, type SeedProgress } from './progress';
export { DemoRegistry, type DemoCommune, type DemoHousehold } from './DemoRegistry';
export { DEFAULT_SEED, loadDemo, runSeedCommand, seedEnvironment, type DemoSeed, type SeedEnvironment } from './seedCommand';
