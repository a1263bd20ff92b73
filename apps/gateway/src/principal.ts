import type { Request } from './express';

/** Who is calling, as far as the gateway's limits care. */
export interface RequestPrincipal {
  /** A stable user id. */
  subject: string;
  role?: string;
}

/** How the gateway learns who sent a request. */
export type PrincipalOf = (request: Request) => RequestPrincipal | undefined;

/** The principal the authentication middleware put on the request, if any. */
export const principalOnRequest: PrincipalOf = (request) =>
  (request as Request & { principal?: RequestPrincipal }).principal;
