import { DirectiveCommandSchema, TaskCommandSchema } from '@chidao/domain';
import { COMMAND_ENDPOINTS } from './command-endpoints';

describe('the command endpoints', () => {
  const domainTypes = [...DirectiveCommandSchema.options, ...TaskCommandSchema.options].map((option) => option.shape.type.value);

  it('have one endpoint for every domain command', () => {
    expect(COMMAND_ENDPOINTS.map((endpoint) => endpoint.type).sort()).toEqual([...domainTypes].sort());
  });

  it('have routes of their own', () => {
    expect(new Set(COMMAND_ENDPOINTS.map((endpoint) => endpoint.route)).size).toBe(COMMAND_ENDPOINTS.length);
  });

  it.each(COMMAND_ENDPOINTS.map((endpoint) => [endpoint.type, endpoint] as const))('%s: refuses unknown fields and takes the ids from the path', (_type, endpoint) => {
    expect(endpoint.body.safeParse({ notAField: 1 }).error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
    if (endpoint.route.includes(':localId')) expect(Object.keys(endpoint.body.shape)).not.toContain('taskId');
    if (endpoint.route.includes(':directiveId')) expect(Object.keys(endpoint.body.shape)).not.toContain('directiveId');
    expect(Object.keys(endpoint.body.shape)).toEqual(expect.arrayContaining(['occurredOn', 'sourceDocument']));
  });
});
