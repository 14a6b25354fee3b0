export { createTestDatabase, testServerUrl, type TestDatabase } from './testDatabase';
export { SqlCounter } from '@povgraph/db';
export { testCallers, TEST_INTERNAL_SECRET, TEST_JWT_SECRET } from './callers';
export { graphqlClient, type GraphQLClient, type GraphQLResponse } from './graphqlClient';
export { startTestSubgraph, UNREACHABLE_GATEWAY, type TestSubgraph, type TestSubgraphRecipe, type TestSubgraphSettings } from './testSubgraph';
export { freePort } from './globalSetup';
