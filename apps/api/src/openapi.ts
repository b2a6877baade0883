import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { routeAccess, SESSION_COOKIE, VISITOR_COOKIE, XSRF_COOKIE } from '@portal/server/identity';
import {
  API_ERROR_SCHEMA,
  apiErrorRef,
  apiErrorSchema,
  openApiSchemaOf,
  type AppConfig,
} from '@portal/server/platform';
import { AppModule } from './app.module';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** The CSRF check (CsrfMiddleware, on every route) lets these through; every other method needs the token. */
const SAFE_METHODS = new Set(['get', 'head', 'options']);

/** The security schemes' names in the document. */
export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrf';

const TAGS: Record<string, string> = {
  accounts: 'Registration, sign-in with a password or the national eID (VNeID), the session and its CSRF token.',
  catalogue: 'The procedures citizens can apply for, and the wards that receive them.',
  holidays: 'The holiday calendar that time limits are counted with; administrators keep it.',
  'procedure administration':
    'Administrators change fee amounts, time limits and paper names, and stop or resume new applications for a procedure.',
  applications: "A citizen's applications in progress (drafts), saved page by page, then submitted.",
  dossiers: "A citizen's submitted dossiers, their actions on them, and the public status lookup.",
  payments:
    "Paying a dossier's fee online through the payment gateway (VNPAY API 2.1.0), and the gateway's calls back (return, IPN).",
  results: 'The signed electronic results (PDF, PAdES) to download, and their public verification by code or by file.',
  attachments: 'Papers uploaded for an application (PDF, JPEG or PNG), readable by their owner alone.',
  'back office': "A ward's inbox, its dossiers and the workflow actions of its clerks and leaders; auditors read.",
  reports:
    "Form 06, the processing-rate report, and the dossiers behind each figure: auditors every ward's, a leader their own.",
  operations: 'Health checks for orchestrators and load balancers.',
};

/** `AuthController` + `login` → `authLogin`. */
function operationIdOf(controllerKey: string, methodKey: string): string {
  const controller = controllerKey.replace(/Controller$/, '');
  return `${controller.slice(0, 1).toLowerCase()}${controller.slice(1)}${methodKey.slice(0, 1).toUpperCase()}${methodKey.slice(1)}`;
}

/** Adds an error answer to an operation, next to the route's own answers of that status. */
function addError(responses: Responses, status: number, description: string): void {
  const existing = responses[status] as { description?: string } | undefined;
  responses[status] = {
    ...existing,
    description: existing?.description ? `${existing.description}\n\n${description}` : description,
    content: { 'application/json': { schema: apiErrorRef } },
  };
}

/**
 * The API's OpenAPI document, from the controllers' decorators (bodies, queries and
 * path parameters from the zod schemas the routes validate with), with what every
 * route shares written once here: who may call it (from its guards), the CSRF token
 * of state-changing requests, and the errors of the request pipeline.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const controllers = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype as Type);
    }
  }
  const handlers = new Map<string, { controller: Type; handler: object }>();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cổng Dịch vụ công — API')
      .setDescription(
        [
          'Public service portal: catalogue, applications, dossiers, the back-office workflow, holidays.',
          '',
          'Errors are `ApiError` bodies `{ code, message, details?, requestId }`, the message in Vietnamese unless',
          '`Accept-Language` prefers English. Every state-changing request carries the CSRF token (`X-XSRF-TOKEN`);',
          'operations that need sign-in name the `session` scheme and answer 401 without it.',
        ].join('\n'),
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'This portal')
      .addCookieAuth(
        SESSION_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          description: 'The session cookie, signed in (POST /api/auth/login, /api/auth/register or the eID sign-in).',
        },
        SESSION_SCHEME,
      )
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-XSRF-TOKEN',
          description: [
            `The CSRF token: the value of the \`${XSRF_COOKIE}\` cookie that GET /api/auth/session (and every sign-in`,
            'or sign-out) sets, echoed in this header on every POST, PUT, PATCH and DELETE. It is bound to the signed-in',
            `session (\`${SESSION_COOKIE}\`) or, before sign-in, to the visitor cookie (\`${VISITOR_COOKIE}\`), and goes with`,
            'the httpOnly CSRF cookie it was issued with; without it the answer is 403 `CSRF_REJECTED`.',
          ].join(' '),
        },
        CSRF_SCHEME,
      )
      .build(),
    {
      operationIdFactory: (controllerKey, methodKey) => {
        const id = operationIdOf(controllerKey, methodKey);
        const controller = controllers.get(controllerKey);
        if (controller) handlers.set(id, { controller, handler: controller.prototype[methodKey] });
        return id;
      },
    },
  );

  document.tags = Object.entries(TAGS).map(([name, description]) => ({ name, description }));
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [API_ERROR_SCHEMA]: openApiSchemaOf(apiErrorSchema) },
  };

  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
      if (!route) throw new Error(`OpenAPI: no handler found for ${method.toUpperCase()} ${operation.operationId}`);
      const access = routeAccess(route.controller, route.handler);
      const writes = !SAFE_METHODS.has(method);
      operation.security = access.signedIn
        ? [{ [SESSION_SCHEME]: [], ...(writes ? { [CSRF_SCHEME]: [] } : {}) }]
        : writes
          ? [{ [CSRF_SCHEME]: [] }]
          : [];
      (operation as Operation & Record<`x-${string}`, unknown>)['x-access'] = access.signedIn
        ? { signedIn: true, roles: access.roles }
        : { signedIn: false };

      const responses = operation.responses;
      addError(
        responses,
        400,
        'The request could not be read: `MALFORMED_BODY` (a body that is not JSON), `BODY_TOO_DEEP`, `BAD_PATH` (a path that does not decode, or with control characters), `VALIDATION_FAILED` (control characters or prototype keys in the query or the body).',
      );
      if (access.signedIn) addError(responses, 401, '`SIGN_IN_REQUIRED`: sign in first.');
      if (access.roles.length)
        addError(responses, 403, `\`ROLE_REQUIRED\`: only for ${access.roles.join(', ')} accounts.`);
      if (writes) addError(responses, 403, '`CSRF_REJECTED`: the `X-XSRF-TOKEN` header is missing or not valid.');
      if (
        operation.requestBody &&
        'content' in operation.requestBody &&
        operation.requestBody.content['application/json']
      ) {
        addError(responses, 413, '`PAYLOAD_TOO_LARGE`: the body is over 100 kB.');
        addError(
          responses,
          415,
          '`UNSUPPORTED_CHARSET`: the body is not UTF-8. `UNSUPPORTED_CONTENT_ENCODING`: compressed other than gzip, deflate or br.',
        );
      }
      // Every error answer is an ApiError, whichever decorator described it.
      for (const [status, response] of Object.entries(responses)) {
        if (response && Number(status) >= 400 && !('$ref' in response))
          response.content = { 'application/json': { schema: apiErrorRef } };
      }
    }
  }
  return document;
}

/**
 * The document without a database, Redis or a listening server: the application
 * in Nest's preview mode (modules and routes, no provider instantiated), with the
 * global prefix createApp gives it. The integration test checks it against the served one.
 */
export async function openApiDocumentOffline(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix('api');
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
