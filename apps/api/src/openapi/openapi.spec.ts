import { COMMAND_ENDPOINTS, endpointOf } from '../commands/command-endpoints';
import { startTestApp, type TestApp } from '../testing/test-app';
import { jsonSchemaOf } from './openapi';

/*
 * The OpenAPI document is generated from the zod schemas the endpoints validate with: it lists every
 * command with its zod-derived body schema, and every route the app serves is in it.
 */

jest.setTimeout(60_000);

type Operation = {
  readonly operationId: string;
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly requestBody?: { readonly content: { readonly 'application/json': { readonly schema: Record<string, unknown> } } };
  readonly responses: Record<string, unknown>;
};
type Document = { readonly openapi: string; readonly paths: Record<string, Record<string, Operation>> };

let app: TestApp;
let document: Document;

beforeAll(async () => {
  app = await startTestApp();
  document = (await app.http().get('/api/docs-json').expect(200)).body as Document;
});

afterAll(async () => {
  await app?.close();
});

describe('the OpenAPI document at /api/docs-json', () => {
  it('is OpenAPI 3.1 with bearer authentication', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document).toMatchObject({ components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } }, security: [{ bearer: [] }] });
  });

  it.each(COMMAND_ENDPOINTS.map((endpoint) => [endpoint.type, endpoint.route.replace(/:(\w+)/g, '{$1}')] as const))(
    'lists %s at POST %s with the body schema derived from the zod schema it validates with',
    (type, path) => {
      const operation = document.paths[path]?.['post'];
      expect(operation).toBeDefined();
      expect(operation?.requestBody?.content['application/json'].schema).toEqual(jsonSchemaOf(endpointOf(type).body));
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413', '422']));
      expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-Match']));
    },
  );

  it('documents the domain’s fields and refusals: AssignTask needs a lead and a deadline of five kinds, and takes no unknown field', () => {
    const schema = document.paths['/directives/{directiveId}/tasks']?.['post']?.requestBody?.content['application/json'].schema as {
      required: string[];
      additionalProperties: boolean;
      properties: { deadline: { anyOf?: unknown[]; oneOf?: unknown[] }; occurredOn: { format: string } };
    };
    expect(schema.required).toEqual(expect.arrayContaining(['clause', 'content', 'lead', 'deadline']));
    expect(schema.additionalProperties).toBe(false);
    expect((schema.properties.deadline.anyOf ?? schema.properties.deadline.oneOf)?.length).toBe(5);
    expect(schema.properties.occurredOn.format).toBe('date');
  });

  it('lists every route the app serves', () => {
    const router = (app.chidao.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
    const served = router.stack
      .flatMap((layer) => (layer.route === undefined ? [] : Object.keys(layer.route.methods).map((method) => `${method} ${layer.route?.path ?? ''}`)))
      .filter((route) => !route.includes('/api/docs'));
    const documented = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const generic = new Set(['post /directives/:directiveId/:segment', 'post /tasks/:directiveId/:localId/:segment']);
    const missing = served.filter((route) => !documented.has(route) && !generic.has(route));
    expect(missing).toEqual([]);
    expect(served.length).toBeGreaterThan(15);
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await app.http().get('/api/docs/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
