export * from './hashing';
export * from './proofs';
export * from './compact-range';
export * from './frontier';
export * from './memory-tree';
