// Stands for another service's published contracts: any service may depend on these.
export interface AlphaCaseOpened {
  readonly type: 'AlphaCaseOpened';
  readonly caseId: string;
}
