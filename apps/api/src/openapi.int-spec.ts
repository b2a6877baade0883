import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common/enums/request-method.enum';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { METHODS } from 'node:http';
import { routeAccess } from '@portal/server/identity';
import { NO_REQUEST_BODY, openApiSchemaOf, ZodBody } from '@portal/server/platform';
import type { z } from 'zod';
import { openApiDocumentOffline } from './openapi';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']> & Record<`x-${string}`, unknown>;
interface Parameter {
  name: string;
  description?: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

/** What Express 5 actually routes: every route layer of the application's router, with its methods. */
interface RegisteredRoute {
  method: string;
  /** Express's path, `/api/drafts/:id/steps/:step`. */
  path: string;
}

/** Registered on purpose without an operation in the document, and why. */
const NOT_IN_DOCUMENT: { matches: (route: RegisteredRoute) => boolean; why: string }[] = [
  {
    matches: (route) =>
      route.path === '/api/docs' || route.path.startsWith('/api/docs/') || route.path.startsWith('/api/docs-'),
    why: 'the document itself and its viewer (Swagger UI), served by SwaggerModule',
  },
  {
    matches: (route) => route.method === 'get' && route.path === '/api/metrics',
    why: "Prometheus' scrape endpoint (text, behind its own token, a 404 to anyone else): not part of the API",
  },
];

/** A route handler as Nest declares it: its controller, its method, and what its parameters read. */
interface DeclaredRoute extends RegisteredRoute {
  controller: Type;
  methodName: string;
  handler: object;
  args: { type: number; data?: string; pipes: unknown[] }[];
}

function registeredRoutes(api: ApiUnderTest): RegisteredRoute[] {
  const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: unknown[] } }).router;
  const routes: RegisteredRoute[] = [];
  for (const layer of router.stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    // Nest binds middleware (`consumer.apply(…).forRoutes(…)`: the logger, the CSRF check) as a route of every
    // HTTP method; no controller route is one (a controller's @All() would fail the cross-check with Nest's own list).
    if (METHODS.every((method) => layer.route?.methods[method.toLowerCase()])) continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method !== '_all') routes.push({ method, path: layer.route.path });
    }
  }
  return routes;
}

function declaredRoutes(api: ApiUnderTest): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const methodName of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[methodName] as object;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodName === 'constructor' || requestMethod === undefined) continue;
        const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${['api', base, own]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`;
        routes.push({
          method: RequestMethod[requestMethod].toLowerCase(),
          path,
          controller,
          methodName,
          handler,
          args: Object.entries(
            (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<
              string,
              { data?: string; pipes?: unknown[] }
            >,
          ).map(([key, arg]) => ({ type: Number(key.split(':')[0]), data: arg.data, pipes: arg.pipes ?? [] })),
        });
      }
    }
  }
  return routes;
}

const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');
const pathParameterNames = (expressPath: string) => [...expressPath.matchAll(/:(\w+)/g)].map((m) => m[1]);
const zodSchemaOf = (pipes: unknown[]) =>
  (pipes.find((pipe) => pipe instanceof ZodBody) as { schema?: z.ZodType } | undefined)?.schema;
const withoutDescription = ({ description: _description, ...schema }: Record<string, unknown>) => schema;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

describe('API: the OpenAPI document describes every route the application registers', () => {
  let api: ApiUnderTest;
  let document: OpenAPIObject;
  let registered: RegisteredRoute[];
  let declared: DeclaredRoute[];
  const operationOf = (route: RegisteredRoute) =>
    document.paths[openApiPath(route.path)]?.[route.method as 'get'] as Operation | undefined;
  const documented = () => declared.filter((route) => !NOT_IN_DOCUMENT.some((excluded) => excluded.matches(route)));

  beforeAll(async () => {
    api = await startApi();
    document = (await (await fetch(`${api.base}/docs/openapi.json`)).json()) as OpenAPIObject;
    registered = registeredRoutes(api);
    declared = declaredRoutes(api);
  });

  afterAll(() => api.stop());

  it('serves the document that `npm run lint:openapi` builds without a database', async () => {
    expect(await openApiDocumentOffline(api.config)).toEqual(document);
  });

  it('has an operation for every route Express routes (the exceptions say why)', () => {
    expect(registered.length).toBeGreaterThan(30);
    const missing = registered
      .filter((route) => !NOT_IN_DOCUMENT.some((excluded) => excluded.matches(route)))
      .filter((route) => !operationOf(route))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(missing).toEqual([]);
    // …and the routes Nest declares are exactly the ones Express routes, so the checks below see them all.
    const key = (route: RegisteredRoute) => `${route.method} ${route.path}`;
    const registeredKeys = new Set(registered.map(key));
    expect(declared.map(key).filter((k) => !registeredKeys.has(k))).toEqual([]);
    expect(
      registered
        .filter((route) => !route.path.startsWith('/api/docs'))
        .every((route) => declared.some((d) => key(d) === key(route))),
    ).toBe(true);
    // …and the document describes nothing that is not routed.
    const documentedKeys = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(
      documentedKeys.filter((k) => !registered.some((route) => `${route.method} ${openApiPath(route.path)}` === k)),
    ).toEqual([]);
  });

  it('describes the body of every route that writes, from its zod schema, unless it is declared body-less', () => {
    const problems: string[] = [];
    for (const route of documented()) {
      const operation = operationOf(route) ?? ({ responses: {} } as Operation);
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const bodies = route.args.filter((arg) => arg.type === RouteParamtypes.BODY);
      const bodyLess = Reflect.getMetadata(NO_REQUEST_BODY, route.handler) as string | undefined;
      const requestBody = operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
      if (WRITES.has(route.method) && !requestBody && !bodyLess) problems.push(`${name}: writes, but no requestBody`);
      if (bodyLess && (requestBody || bodies.length)) problems.push(`${name}: declared body-less, but reads a body`);
      if (bodyLess && operation[NO_REQUEST_BODY] !== bodyLess) problems.push(`${name}: body-less, not in the document`);
      if (bodies.length && !requestBody) problems.push(`${name}: reads a body the document does not describe`);
      for (const body of bodies) {
        const schema = zodSchemaOf(body.pipes);
        // Validated with a zod schema: the document shows exactly that schema.
        if (schema && requestBody?.content?.['application/json']?.schema)
          expect(requestBody.content['application/json'].schema).toEqual(openApiSchemaOf(schema));
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every path parameter with a schema that says which values the route accepts', () => {
    const problems: string[] = [];
    for (const route of documented()) {
      const operation = operationOf(route) ?? ({ responses: {} } as Operation);
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const parameters = (operation.parameters ?? []) as Parameter[];
      for (const param of pathParameterNames(route.path)) {
        const described = parameters.find((p) => p.in === 'path' && p.name === param);
        if (!described) problems.push(`${name}: path parameter ${param} not described`);
        else if (!described.required) problems.push(`${name}: path parameter ${param} not required`);
        else if (!['pattern', 'enum', 'format', 'maxLength'].some((k) => described.schema?.[k] !== undefined))
          problems.push(`${name}: path parameter ${param} has no pattern, enum, format or length`);
      }
      for (const arg of route.args.filter((a) => a.type === RouteParamtypes.PARAM)) {
        if (!arg.data) problems.push(`${name}: reads every path parameter at once`);
        else if (!pathParameterNames(route.path).includes(arg.data)) problems.push(`${name}: reads :${arg.data}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every query parameter a route reads, from the zod schema it parses the query with', () => {
    const problems: string[] = [];
    for (const route of documented()) {
      const operation = operationOf(route) ?? ({ responses: {} } as Operation);
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const query = ((operation.parameters ?? []) as Parameter[]).filter((p) => p.in === 'query');
      for (const arg of route.args.filter((a) => a.type === RouteParamtypes.QUERY)) {
        if (arg.data) {
          // Named one by one (`@Query('returnUrl')`): described all the same, from a zod schema (`ApiZodQuery`).
          if (!query.some((p) => p.name === arg.data && p.description))
            problems.push(`${name}: query parameter ${arg.data} not described`);
          continue;
        }
        const schema = zodSchemaOf(arg.pipes);
        if (!schema) {
          problems.push(`${name}: reads the whole query string without a zod schema`);
          continue;
        }
        const properties = (openApiSchemaOf(schema).properties ?? {}) as Record<string, Record<string, unknown>>;
        for (const [property, propertySchema] of Object.entries(properties)) {
          const described = query.find((p) => p.name === property);
          if (!described) problems.push(`${name}: query parameter ${property} not described`);
          else expect(described.schema).toEqual(withoutDescription(propertySchema));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('says of every operation who may call it, what it answers and how it fails, with the one ApiError schema', () => {
    const problems: string[] = [];
    for (const route of documented()) {
      const operation = operationOf(route) ?? ({ responses: {} } as Operation);
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const responses = Object.entries(operation.responses) as [string, { description?: string; content?: unknown }][];
      if (!responses.some(([status, r]) => /^[23]\d\d$/.test(status) && r.description))
        problems.push(`${name}: no described success answer`);
      const errors = responses.filter(([status]) => /^4\d\d$/.test(status));
      if (!errors.length) problems.push(`${name}: no 4xx answer`);
      for (const [status, response] of errors) {
        if (!response.description) problems.push(`${name}: ${status} not described`);
        expect(response.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } });
      }
      if (!operation.operationId || !operation.summary || !operation.tags?.length)
        problems.push(`${name}: no operationId, summary or tag`);
      const access = routeAccess(route.controller, route.handler);
      const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
      if (access.signedIn !== schemes.includes('session')) problems.push(`${name}: security does not say sign-in`);
      if (access.signedIn && !operation.responses['401']) problems.push(`${name}: signed-in only, no 401`);
      if (WRITES.has(route.method) !== schemes.includes('csrf')) problems.push(`${name}: CSRF not said`);
      if (!access.signedIn && !WRITES.has(route.method) && operation.security?.length !== 0)
        problems.push(`${name}: public, but not security: []`);
    }
    expect(problems).toEqual([]);
    expect(new Set(declared.map((r) => operationOf(r)?.operationId).filter(Boolean)).size).toBe(documented().length);
  });

  it('declares its security schemes, error schema, servers, license and tags', () => {
    expect(document.components?.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'dvc.sid' }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-XSRF-TOKEN' }),
    });
    expect(document.components?.schemas?.['ApiError']).toMatchObject({
      type: 'object',
      required: ['code', 'message', 'requestId'],
    });
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.info.license?.name).toBe('MIT');
    const declaredTags = new Set(document.tags?.map((tag) => tag.name));
    const usedTags = Object.values(document.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op as Operation).tags ?? []),
    );
    expect(usedTags.filter((tag) => !declaredTags.has(tag))).toEqual([]);
  });
});
