export {
  startTestService,
  TEST_ADMIN,
  type TestService,
  type GraphQLResponse,
} from './test-service';
export { useTestService, withHelpers, type UsedTestService } from './use-test-service';
export { countQueries } from './count-queries';
export { tcpProxy, type TcpProxy } from './tcp-proxy';
export { describeCountExtension, type CountExtension } from './count-extension';
