/** Why a request is not authenticated: a stable reason and a message that quotes no token. */
export class AuthenticationError extends Error {
  constructor(
    readonly reason:
      | 'TOKEN_MISSING'
      | 'TOKEN_EXPIRED'
      | 'TOKEN_NOT_YET_VALID'
      | 'TOKEN_WRONG_ISSUER'
      | 'TOKEN_WRONG_AUDIENCE'
      | 'TOKEN_INVALID'
      | 'IDENTITY_MISSING'
      | 'IDENTITY_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
