import {
  AccessTokenVerifier,
  AuthenticationError,
  IdentitySigner,
  loadGatewaySecurity,
  type Principal,
} from '@haven/platform/security';
import type { Handler, Request } from './express';
import type { Logger } from './logger';
import { traceOf } from './request-ids';

/** A request the authentication middleware let through carries its principal. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export interface GatewayAuthentication {
  verifier: AccessTokenVerifier;
  signer: IdentitySigner;
  developmentIssuer: boolean;
}

/** The gateway's token verifier and identity signer, from the environment (see loadGatewaySecurity). */
export function gatewayAuthentication(
  env: NodeJS.ProcessEnv,
  production: boolean,
): GatewayAuthentication {
  const config = loadGatewaySecurity(env, production);
  return {
    verifier: new AccessTokenVerifier(config),
    signer: new IdentitySigner(config.identityPrivateJwk),
    developmentIssuer: config.developmentIssuer,
  };
}

/**
 * Every GraphQL request needs a valid bearer token: without one the gateway answers 401 with a
 * GraphQL-shaped error (a code, a reason and the request id, never the token) and calls no
 * service. The principal then travels to the subgraphs as a signed identity assertion.
 */
export function authenticate(verifier: AccessTokenVerifier, logger: Logger): Handler {
  return (request, response, next) => {
    verifier.verifyAuthorization(request.get('authorization')).then(
      (principal) => {
        (request as AuthenticatedRequest).principal = principal;
        next();
      },
      (error: unknown) => {
        const trace = traceOf(response);
        if (!(error instanceof AuthenticationError)) {
          logger.error(
            { requestId: trace.requestId, error: (error as Error)?.name },
            'token check failed',
          );
          response.status(500).json({
            errors: [
              {
                message: 'Internal server error',
                extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: trace.requestId },
              },
            ],
          });
          return;
        }
        trace.errorCodes.push('UNAUTHENTICATED');
        response.set('www-authenticate', 'Bearer');
        response.status(401).json({
          errors: [
            {
              message: error.message,
              extensions: {
                code: 'UNAUTHENTICATED',
                reason: error.reason,
                requestId: trace.requestId,
              },
            },
          ],
        });
      },
    );
  };
}
