export default async function globalTeardown(): Promise<void> {
  const postgres = globalThis.__povgraphTestPostgres;
  globalThis.__povgraphTestPostgres = undefined;
  await postgres?.stop();
}
