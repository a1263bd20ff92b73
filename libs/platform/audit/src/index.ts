export * from './merkle';
export * from './checkpoints/checkpoint';
export * from './checkpoints/signing-key';
