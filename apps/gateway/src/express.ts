// Express 5 ships no type declarations and @types/express is not a dependency of this repository,
// so this file types the few parts of Express the gateway uses and nothing more.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface Request extends IncomingMessage {
  readonly path: string;
  /** The URL as received, before mounted routers strip their prefix. */
  readonly originalUrl: string;
  readonly query: Record<string, unknown>;
  /** The client's address (the proxy's, unless `trust proxy` is set). */
  readonly ip?: string;
  body?: unknown;
  /** The best of `types` for the request's Accept header, or false. */
  accepts(types: string[]): string | false;
  get(header: string): string | undefined;
}

export interface Response extends ServerResponse {
  locals: Record<string, unknown>;
  status(code: number): this;
  set(field: string, value: string): this;
  type(type: string): this;
  json(body: unknown): this;
  send(body?: string | Buffer): this;
  sendFile(
    path: string,
    options: { maxAge?: number | string; immutable?: boolean; headers?: Record<string, string> },
    done?: (error?: Error) => void,
  ): void;
}

export type NextFunction = (error?: unknown) => void;
export type Handler = (request: Request, response: Response, next: NextFunction) => unknown;
export type ErrorHandler = (
  error: unknown,
  request: Request,
  response: Response,
  next: NextFunction,
) => unknown;

export interface Application extends RequestListener {
  disable(setting: string): this;
  use(...handlers: Array<Handler | ErrorHandler>): this;
  use(path: string, ...handlers: Array<Handler | ErrorHandler>): this;
  get(path: string, ...handlers: Handler[]): this;
}

interface ExpressModule {
  (): Application;
  json(options: { limit: string | number }): Handler;
}

export const express: ExpressModule = require('express');
