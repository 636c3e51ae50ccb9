import { InstantSchema, LocalDateSchema, TASK_STATUS_CODES } from '@chidao/domain';
import { z } from 'zod';
import { COMMAND_ENDPOINTS, type CommandEndpoint } from '../commands/command-endpoints';
import { READ_ENDPOINTS, type ReadEndpoint } from './read-endpoints';

/*
 * The OpenAPI 3.1 document, generated from the zod schemas the endpoints validate with
 * (z.toJSONSchema): the command bodies of command-endpoints.ts and the query schemas of
 * read-endpoints.ts. Nothing here restates a field by hand, so the docs cannot drift from validation.
 */

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends. */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema => {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === LocalDateSchema) Object.assign(ctx.jsonSchema, { format: 'date', examples: ['2026-03-20'] });
      if (ctx.zodSchema === InstantSchema) Object.assign(ctx.jsonSchema, { format: 'date-time' });
    },
  }) as JsonSchema;
  const { $schema: _dialect, ...rest } = json;
  return rest;
};

const ERROR = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });

const STANDARD_ERRORS = {
  '401': errorResponse('Thiếu hoặc sai token / missing or invalid bearer token'),
  '403': errorResponse('Vai trò hoặc cơ quan không được phép / the role or agency may not do this'),
};

const pathOf = (route: string): string => route.replace(/:(\w+)/g, '{$1}');

const pathParameters = (route: string) =>
  [...route.matchAll(/:(\w+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description:
      match[1] === 'localId'
        ? 'Mã riêng của nhiệm vụ trong văn bản (thường là điều khoản, ví dụ 1.a); mã nhiệm vụ = {directiveId}/{localId} / the task id is {directiveId}/{localId}'
        : 'Mã văn bản chỉ đạo / directive id',
  }));

const COMMAND_HEADERS = [
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    description: 'Gửi lại cùng khóa: cùng kết quả, chỉ ghi một lần / the same key gets the same answer and appends once',
  },
  {
    name: 'If-Match',
    in: 'header',
    required: false,
    schema: { type: 'string', examples: ['"3"'] },
    description: 'Phiên bản luồng đã thấy (ETag, trường revision); khác thì 409 / the stream revision seen (ETag, revision); 409 when it moved on',
  },
  {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    schema: { type: 'string', maxLength: 200 },
    description: 'Mã tương quan ghi vào metadata / correlation id recorded in the metadata',
  },
];

const commandOperation = (endpoint: CommandEndpoint) => ({
  operationId: endpoint.type.charAt(0).toLowerCase() + endpoint.type.slice(1),
  tags: [endpoint.target === 'directive' ? 'Lệnh văn bản / directive commands' : 'Lệnh nhiệm vụ / task commands'],
  summary: `${endpoint.summary.vi} / ${endpoint.summary.en}`,
  description:
    `Lệnh miền / domain command \`${endpoint.type}\`. ` +
    (endpoint.access === 'secretariat'
      ? 'Vai trò / roles: secretariat, admin.'
      : 'Vai trò / roles: agency (chỉ nhiệm vụ cơ quan mình chủ trì / only tasks its agency leads), secretariat.'),
  parameters: [...pathParameters(endpoint.route), ...COMMAND_HEADERS],
  requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(endpoint.body) } } },
  responses: {
    '201': { description: 'Đã ghi / recorded', content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } } },
    '200': {
      description: 'Không có gì thay đổi (lệnh trùng) / nothing changed',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
    },
    '400': errorResponse('Dữ liệu không hợp lệ, liệt kê từng trường / invalid input, each bad field listed'),
    ...STANDARD_ERRORS,
    '404': errorResponse('Không có văn bản hoặc nhiệm vụ / unknown directive or task'),
    '409': errorResponse('If-Match không khớp phiên bản hiện tại / If-Match does not match the current revision'),
    '413': errorResponse('Nội dung quá 256 KB / body over 256 KB'),
    '415': errorResponse('Không phải JSON / not JSON'),
    '422': errorResponse('Vi phạm quy tắc nghiệp vụ (_tag, data) / a domain rule refused it (_tag, data)'),
  },
});

const queryParameters = (schema: z.ZodType) => {
  const json = jsonSchemaOf(schema);
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
  }));
};

const readOperation = (endpoint: ReadEndpoint) => {
  const produces = endpoint.csv ? { 'application/json': {}, 'text/csv': {} } : { 'application/json': {} };
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: `${endpoint.summary.vi} / ${endpoint.summary.en}`,
    description: `Vai trò / roles: ${endpoint.roles.join(', ')}.${endpoint.description === undefined ? '' : ` ${endpoint.description}`}`,
    parameters: [...pathParameters(endpoint.route), ...(endpoint.query === undefined ? [] : queryParameters(endpoint.query))],
    ...(endpoint.body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(endpoint.body) }, 'text/plain': { schema: { type: 'string' } } } } }),
    ...(endpoint.public === true ? { security: [] } : {}),
    responses: {
      '200': { description: endpoint.csv ? 'JSON, hoặc CSV (UTF-8 có BOM) / JSON, or CSV (UTF-8 with BOM)' : 'OK', content: produces },
      '400': errorResponse('Tham số không hợp lệ / invalid parameters'),
      ...(endpoint.public === true ? {} : STANDARD_ERRORS),
      ...(endpoint.notFound === true ? { '404': errorResponse('Không tìm thấy / not found') } : {}),
      ...(endpoint.waits === true ? { '503': errorResponse('Mô hình đọc chưa theo kịp minPosition sau 5 giây / read models did not reach minPosition within 5 s') } : {}),
    },
  };
};

/** The OpenAPI document of the whole API. */
export const buildOpenApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (route: string, method: string, operation: unknown) => {
    const path = pathOf(route);
    paths[path] = { ...(paths[path] ?? {}), [method]: operation };
  };
  for (const endpoint of COMMAND_ENDPOINTS) add(endpoint.route, 'post', commandOperation(endpoint));
  for (const endpoint of READ_ENDPOINTS) add(endpoint.route, endpoint.method, readOperation(endpoint));
  return {
    openapi: '3.1.0',
    info: {
      title: 'chidao API',
      version: '0.1.0',
      description:
        'Nhiệm vụ trong văn bản chỉ đạo, lưu dưới dạng luồng sự kiện / tasks that directives assign, kept as event streams. ' +
        'Mọi lỗi có dạng / every error is `{ statusCode, error, message: { vi, en } }`. Xem / see docs/api.md.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'Lệnh văn bản / directive commands' },
      { name: 'Lệnh nhiệm vụ / task commands' },
      { name: 'Truy vấn / queries' },
      { name: 'Kiểm tra / audit' },
      { name: 'Nhập văn bản / imports' },
      { name: 'Vận hành / operations' },
    ],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['statusCode', 'error', 'message'],
          properties: {
            statusCode: { type: 'integer' },
            error: { type: 'string', description: 'Mã ổn định; với lỗi nghiệp vụ là _tag / a stable code; for a domain error its _tag' },
            message: { type: 'object', required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } },
            issues: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } } },
              },
            },
            _tag: { type: 'string' },
            data: { type: 'object' },
            expected: { type: 'integer' },
            actual: { type: 'integer' },
          },
        },
        CommandResult: {
          type: 'object',
          properties: {
            commandId: { type: 'string' },
            type: { type: 'string' },
            directiveId: { type: 'string' },
            taskId: { type: 'string' },
            stream: { type: 'string' },
            revision: { type: 'integer', description: 'Phiên bản luồng sau lệnh; gửi lại trong If-Match / stream revision after the command; send as If-Match' },
            position: { type: ['string', 'null'], description: 'Vị trí toàn cục; dùng làm minPosition / global position; pass as minPosition' },
            events: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  type: { type: 'string' },
                  revision: { type: 'integer' },
                  position: { type: 'string' },
                  occurredOn: { type: 'string', format: 'date' },
                  recordedAt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
        },
        TaskStatusCode: { type: 'string', enum: [...TASK_STATUS_CODES] },
      },
    },
    paths,
  };
};
