// Stands for another service's domain: off limits to fixture-beta.
export interface AlphaCase {
  readonly id: string;
  readonly status: 'open' | 'closed';
}
