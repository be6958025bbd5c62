// One way to declare an API route: its summary, permission, input schemas and the schema of what
// it answers, and a handler that returns the answer. What every route did by hand — the schema
// object with its tags, the config with the permission, `reply.code(201).send(await …)`, the
// Location header of a created resource, a 204 without a body, fixed headers such as
// Cache-Control — happens here once. Routes that answer something else (a file, a conditional
// 202) keep using `app.get/post/...` directly.
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from './app.js';

type Schema = z.ZodType;
type In<S> = S extends Schema ? z.output<S> : undefined;
type Out<S> = S extends Schema ? z.input<S> : never;

/** The request as a handler sees it: params, query and body typed by their schemas. */
export type RouteRequest<P, Q, B> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & { params: In<P>; query: In<Q>; body: In<B> };

interface Answers<R> {
  /** 200 with this body. */
  ok?: R;
  /** 201 with this body; `location` names the created resource. */
  created?: R;
  /** 204 without a body: what the handler returns is not sent. */
  noContent?: true;
}

export interface RouteSpec<P, Q, B, R> extends Answers<R> {
  summary: string;
  permission: NonNullable<FastifyContextConfig['permission']>;
  params?: P;
  query?: Q;
  body?: B;
  /** The Location header of a 201, from the answer. */
  location?: (answer: Out<R>) => string;
  /** Headers of every answer (e.g. Cache-Control: no-store on one that shows a secret once). */
  headers?: Record<string, string>;
  /** Config beyond the permission (a rate limit, touchSession: false). */
  config?: Omit<FastifyContextConfig, 'permission'>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler<P, Q, B, R> = (req: RouteRequest<P, Q, B>, reply: FastifyReply) => Promise<Out<R>> | Out<R>;
type Declare = <
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(
  url: string,
  spec: RouteSpec<P, Q, B, R>,
  handler: Handler<P, Q, B, R>,
) => void;

/** The routes of one part of the API, under one OpenAPI tag. */
export function routesOf(app: App, tag: string): Record<'get' | 'post' | 'put' | 'patch' | 'delete', Declare> {
  const declare =
    (method: Method): Declare =>
    (url, spec, handler) => {
      const status = spec.created ? 201 : spec.noContent ? 204 : 200;
      const answer = spec.created ?? spec.ok ?? (spec.noContent ? z.null() : undefined);
      app.route({
        method,
        url,
        schema: {
          tags: [tag],
          summary: spec.summary,
          ...(spec.params ? { params: spec.params } : {}),
          ...(spec.query ? { querystring: spec.query } : {}),
          ...(spec.body ? { body: spec.body } : {}),
          ...(answer ? { response: { [status]: answer } } : {}),
        },
        config: { ...spec.config, permission: spec.permission },
        handler: async (req, reply) => {
          const result = await handler(req as unknown as RouteRequest<never, never, never>, reply);
          if (spec.location) void reply.header('Location', spec.location(result));
          if (spec.headers) void reply.headers(spec.headers);
          return reply.code(status).send(spec.noContent ? null : result);
        },
      });
    };
  return { get: declare('GET'), post: declare('POST'), put: declare('PUT'), patch: declare('PATCH'), delete: declare('DELETE') };
}
