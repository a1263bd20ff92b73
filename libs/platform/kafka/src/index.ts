export * from './kafka-port';
export { platformaticKafka, type PlatformaticOptions } from './platformatic';
export { kafkaBrokersFromEnv } from './config';
