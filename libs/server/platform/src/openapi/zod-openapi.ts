import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtension, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * The OpenAPI document describes bodies, query strings and path parameters
 * with the same zod schemas the routes validate with (libs/contracts), turned
 * into OpenAPI 3.0 schemas of what a client may SEND (`io: 'input'`: before
 * trimming, defaults and coercion). A controller declares each schema once:
 *
 *   @ApiZodBody(newHolidaySchema)
 *   add(@Body(new ZodBody(newHolidaySchema)) body: …)
 */

/** The name of the one error schema every 4xx response refers to (`{ code, message, details?, requestId }`). */
export const API_ERROR_SCHEMA = 'ApiError';
export const apiErrorRef = { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` } as const;

/** Set by `@ApiNoBody(reason)`: a route that writes but reads no body, and why. */
export const NO_REQUEST_BODY = 'x-no-request-body';

export type OpenApiSchema = SchemaObject;

/** The body of every error answer (the error filter writes it), described once in the document. */
export const apiErrorSchema = z
  .object({
    code: z.string().meta({ description: 'What went wrong, for programs.', example: 'VALIDATION_FAILED' }),
    message: z.string().meta({ description: "For people, in the caller's language (Accept-Language; vi by default)." }),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'More about it, e.g. `fields`: every field problem of a `VALIDATION_FAILED`.' }),
    requestId: z.string().meta({ description: 'The X-Request-Id of the request, to find it in the logs.' }),
  })
  .meta({ title: 'ApiError' });

/** A zod schema as an OpenAPI 3.0 schema of its input. Parts JSON Schema cannot say (a refinement) are left out. */
export function openApiSchemaOf(schema: z.ZodType): OpenApiSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json['$schema'];
  return json as OpenApiSchema;
}

/** The properties of a zod object as parameters: each with its schema, its description said once, on the parameter. */
function parametersOf(
  schema: z.ZodObject,
): { name: string; required: boolean; description?: string; schema: OpenApiSchema }[] {
  const json = openApiSchemaOf(schema);
  return Object.entries((json.properties ?? {}) as Record<string, OpenApiSchema>).map(
    ([name, { description, ...property }]) => ({
      name,
      required: (json.required ?? []).includes(name),
      description,
      schema: property,
    }),
  );
}

const validationFailed = (where: string) =>
  ApiResponse({
    status: 400,
    description: `\`VALIDATION_FAILED\`: the ${where} does not match its schema; \`details.fields\` lists every field's problem.`,
    schema: apiErrorRef,
  });

/**
 * The request body, from the zod schema the route parses it with. For an upload,
 * `mediaType: 'multipart/form-data'` and the names of the file fields (binary, required).
 */
export function ApiZodBody(
  schema: z.ZodType,
  options: { mediaType?: string; files?: string[]; description?: string } = {},
): MethodDecorator {
  const json = openApiSchemaOf(schema);
  if (options.files?.length) {
    json.properties = {
      ...json.properties,
      ...Object.fromEntries(options.files.map((name) => [name, { type: 'string', format: 'binary' }])),
    };
    json.required = [...(json.required ?? []), ...options.files];
  }
  return applyDecorators(
    ...(options.mediaType ? [ApiConsumes(options.mediaType)] : []),
    ApiBody({ required: true, description: options.description, schema: json }),
    validationFailed('body'),
  );
}

/** The query string's parameters, one per property of the zod object the route parses `@Query()` with. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  return applyDecorators(
    ...parametersOf(schema).map((parameter) => ApiQuery(parameter)),
    validationFailed('query string'),
  );
}

/**
 * The path parameters, one per property of a zod object (libs/contracts). A path that
 * does not match is answered as the route says (usually the 404 of a missing record).
 */
export function ApiZodParams(schema: z.ZodObject): MethodDecorator {
  return applyDecorators(...parametersOf(schema).map((parameter) => ApiParam({ ...parameter, required: true })));
}

/**
 * A route that writes but takes no body (submit, sign out, delete): the path says
 * it all. Recorded in the document, where the route-coverage test looks for it.
 */
export function ApiNoBody(reason: string): MethodDecorator {
  return applyDecorators(SetMetadata(NO_REQUEST_BODY, reason), ApiExtension(NO_REQUEST_BODY, reason));
}

/**
 * The route's own 4xx answers, by status, each an `ApiError` ("`CODE`: when"). Answers of the
 * same status from several decorators are joined (Nest's swagger merges their descriptions).
 */
export function ApiErrors(
  responses: Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429, string>>,
): MethodDecorator {
  return applyDecorators(
    ...Object.entries(responses).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, schema: apiErrorRef }),
    ),
  );
}
